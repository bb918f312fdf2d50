// `npm run bench`: conversion speed against the parse-only lower bound, a crawl against the ideal for its
// politeness settings, peak memory of a 10,000-post export against a 1,000-post one, and of exports read
// from a backup folder. Prints a table and writes bench/results.json. Options: --conversion-posts N,
// --crawl-posts N, --latency MS, --scale-small N, --scale-large N, --backup-small N, --backup-large N,
// --repeat N (medians of N runs), --only conversion|crawl|scale|backup.

import { fork } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ConversionResult } from './conversion.js';
import { runBackupScale } from './backup-scale.js';
import { runCrawl, type CrawlSettings } from './crawl.js';
import { medianRun, round } from './stats.js';

const { values: args } = parseArgs({
  options: {
    'conversion-posts': { type: 'string', default: '2000' },
    'crawl-posts': { type: 'string', default: '1000' },
    latency: { type: 'string', default: '50' },
    'scale-small': { type: 'string', default: '1000' },
    'scale-large': { type: 'string', default: '10000' },
    'backup-small': { type: 'string', default: '1000' },
    'backup-large': { type: 'string', default: '3000' },
    repeat: { type: 'string', default: '1' },
    only: { type: 'string' },
  },
});
const repeat = Math.max(1, Number(args.repeat));
const wanted = (section: string) => args.only === undefined || args.only === section;

/** The conversion runs in a child, so its peak memory is the converter's alone. */
function conversionInChild(posts: number): Promise<ConversionResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./conversion-child.js', import.meta.url)), [String(posts)]);
    child.once('message', (message) => resolve(message as ConversionResult));
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`conversion child exited with ${code}`)));
  });
}

async function repeated<T>(times: number, once: () => Promise<T>): Promise<T[]> {
  const runs: T[] = [];
  for (let index = 0; index < times; index++) runs.push(await once());
  return runs;
}

const crawlSettings: CrawlSettings = {
  posts: Number(args['crawl-posts']),
  latencyMs: Number(args.latency),
  concurrency: 4,
  rate: 20,
  assetConcurrency: 8,
  assetRate: 0,
  minBodyChars: 2_000,
  maxBodyChars: 60_000,
};
// Memory, not politeness: no latency and no rate limit, so the large run finishes in minutes.
const scaleSettings = (posts: number): CrawlSettings => ({
  ...crawlSettings,
  posts,
  latencyMs: 0,
  rate: 0,
  assetRate: 0,
  minBodyChars: 2_000,
  maxBodyChars: 30_000,
});

const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: (await import('node:os')).cpus().length,
  loadAverageAtStart: loadavg().map((load) => round(load, 2)),
  repeat,
};
const table: string[][] = [['benchmark', 'figure', 'target', 'measured', '']];

if (wanted('conversion')) {
  const runs = await repeated(repeat, () => conversionInChild(Number(args['conversion-posts'])));
  const result = medianRun(runs, (run) => run.ratioToParse);
  results.conversion = { median: result, ratios: runs.map((run) => run.ratioToParse) };
  table.push(
    [
      'conversion',
      `${result.posts} pages, ${result.megabytes} MB (${result.minPageKb}–${result.maxPageKb} KB)`,
      '',
      '',
      '',
    ],
    [
      '',
      'extract + convert to Markdown, one parse (extractMarkdown)',
      '',
      `${result.convert.postsPerSecond} posts/s, ${result.convert.megabytesPerSecond} MB/s, p50 ${result.convert.p50Ms} ms, p95 ${result.convert.p95Ms} ms`,
      '',
    ],
    [
      '',
      'parse only (cheerio)',
      '',
      `${result.parseOnly.postsPerSecond} posts/s, ${result.parseOnly.megabytesPerSecond} MB/s, p50 ${result.parseOnly.p50Ms} ms, p95 ${result.parseOnly.p95Ms} ms`,
      '',
    ],
    [
      '',
      'naive (.contents_style → turndown + gfm)',
      '',
      `${result.naive.postsPerSecond} posts/s: ${result.naiveRatioToParse}× parse (${result.naiveEmpty} pages with no .contents_style)`,
      '',
    ],
    ['', 'extract + convert ÷ parse', '≤ 4', `${result.ratioToParse}×`, result.ratioToParse <= 4 ? 'ok' : 'MISSED'],
    ['', 'extract + convert ÷ naive', '< 1', `${result.ratioToNaive}×`, result.ratioToNaive < 1 ? 'ok' : 'MISSED'],
    [
      '',
      'extractPost, then toMarkdown (two parses)',
      '',
      `${result.twoCalls.postsPerSecond} posts/s: ${result.twoCallsRatioToParse}× parse`,
      '',
    ],
    [
      '',
      "the export's read (+ tokens, clean HTML)",
      '',
      `${result.exportWork.postsPerSecond} posts/s, p95 ${result.exportWork.p95Ms} ms: ${result.exportRatioToParse}× parse, ${result.exportRatioToNaive}× naive`,
      '',
    ],
    [
      '',
      'bare turndown of the body ÷ parse',
      '',
      `${result.bareTurndownRatioToParse}× (the converter's own floor)`,
      '',
    ],
    ['', 'peak RSS', '', `${result.peakRssMb} MB`, ''],
  );
}

if (wanted('crawl')) {
  const runs = await repeated(repeat, () => runCrawl(crawlSettings));
  const result = medianRun(runs, (run) => run.ratioToIdeal);
  results.crawl = { median: result, ratios: runs.map((run) => run.ratioToIdeal) };
  const s = result.settings;
  table.push(
    [
      'crawl',
      `${s.posts} posts, ${s.latencyMs} ms latency, concurrency ${s.concurrency}, rate ${s.rate}/s, images ${s.assetConcurrency} at once`,
      '',
      '',
      '',
    ],
    ['', 'requests (blog / CDN)', '', `${result.requests.blog} / ${result.requests.cdn}`, ''],
    [
      '',
      'wall ÷ ideal',
      '≤ 1.2',
      `${round(result.wallMs / 1000)} s ÷ ${round(result.idealMs / 1000)} s = ${result.ratioToIdeal}×`,
      result.ratioToIdeal <= 1.2 ? 'ok' : 'MISSED',
    ],
    ['', 'peak RSS', '', `${result.peakRssMb} MB`, ''],
  );
}

if (wanted('scale')) {
  const small = medianRun(
    await repeated(repeat, () => runCrawl(scaleSettings(Number(args['scale-small'])))),
    (run) => run.peakRssMb,
  );
  const large = medianRun(
    await repeated(repeat, () => runCrawl(scaleSettings(Number(args['scale-large'])))),
    (run) => run.peakRssMb,
  );
  const ratio = round(large.peakRssMb / small.peakRssMb, 2);
  results.scale = { small, large, ratio };
  table.push(
    ['scale', `no latency, no rate limit, concurrency ${small.settings.concurrency}`, '', '', ''],
    ['', `peak RSS, ${small.settings.posts} posts`, '', `${small.peakRssMb} MB (${round(small.wallMs / 1000)} s)`, ''],
    [
      '',
      `peak RSS, ${large.settings.posts} posts`,
      '< 300 MB',
      `${large.peakRssMb} MB (${round(large.wallMs / 1000)} s)`,
      large.peakRssMb < 300 ? 'ok' : 'MISSED',
    ],
    ['', 'large ÷ small', '≤ 1.5', `${ratio}×`, ratio <= 1.5 ? 'ok' : 'MISSED'],
  );
}

if (wanted('backup')) {
  const small = medianRun(
    await repeated(repeat, () => runBackupScale(Number(args['backup-small']))),
    (run) => run.peakRssMb,
  );
  const large = medianRun(
    await repeated(repeat, () => runBackupScale(Number(args['backup-large']))),
    (run) => run.peakRssMb,
  );
  const perPostKb = (run: typeof small) => {
    const live = run.liveHeapMb ?? [];
    return live.length > 1 ? round(((live.at(-1)! - live[0]!) * 1000) / run.posts, 1) : null;
  };
  results.backup = { small, large, ratio: round(large.peakRssMb / small.peakRssMb, 2) };
  table.push(
    ['backup', 'a backup folder of corpus-like posts (many images and files each), no network', '', '', ''],
    ...[small, large].map((run) => [
      '',
      `peak RSS, ${run.posts} posts (${run.backupMb} MB)`,
      '',
      `${run.peakRssMb} MB (${round(run.wallMs / 1000)} s)${perPostKb(run) === null ? '' : `, live heap +${perPostKb(run)} KB/post`}`,
      '',
    ]),
    ['', 'large ÷ small', '', `${round(large.peakRssMb / small.peakRssMb, 2)}×`, ''],
  );
}

results.loadAverageAtEnd = loadavg().map((load) => round(load, 2));
const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
for (const row of table)
  console.log(
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd(),
  );
console.log(
  `load average ${(results.loadAverageAtStart as number[]).join(' ')} → ${(results.loadAverageAtEnd as number[]).join(' ')} on ${String(results.cpus)} cores`,
);
// `--only` measures one section: the others keep the figures of their last run.
const previous =
  args.only === undefined
    ? {}
    : await readFile('bench/results.json', 'utf8').then(
        (text) => JSON.parse(text) as Record<string, unknown>,
        () => ({}),
      );
const sectionDates = Object.fromEntries(
  ['conversion', 'crawl', 'scale', 'backup'].filter((name) => name in results).map((name) => [name, results.date]),
);
await writeFile(
  'bench/results.json',
  `${JSON.stringify({ ...previous, ...results, sectionDates: { ...(previous.sectionDates as object | undefined), ...sectionDates } }, null, 2)}\n`,
);
