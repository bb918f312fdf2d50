// Conversion speed: every corpus page through extract + convert, beside the lower bound measured on the
// same pages in the same run (parsing them with cheerio and nothing else) and the naive pipeline other
// Tistory tools use. Pages are made on demand and not timed, so the figures (and the peak memory) are the
// converter's own. Each page goes through every pipeline in turn, so load from other processes on the
// machine falls on all of them alike.

import { gfm } from '@joplin/turndown-plugin-gfm';
import { load } from 'cheerio';
import TurndownService from 'turndown';
import { performance } from 'node:perf_hooks';
import { toMarkdown } from '../src/convert/index.js';
import { extractMarkdown, extractPost } from '../src/extract/index.js';
import { readPage } from '../src/read/pure-stages.js';
import { createCorpus } from './corpus/pages.js';
import { peakRssMb, percentile, round } from './stats.js';

export interface ConversionResult {
  posts: number;
  megabytes: number;
  minPageKb: number;
  maxPageKb: number;
  /** extract + convert to Markdown from one parse (`extractMarkdown`): the figure the targets are about. */
  convert: Timing;
  /** The same in two calls (`extractPost`, then `toMarkdown` of its `bodyHtml`): the body is parsed twice. */
  twoCalls: Timing;
  /** `cheerio.load` of each page and nothing else. */
  parseOnly: Timing;
  /**
   * The export's read of a page (`readPage`): parsed once, the body found, every image, file and post link
   * given a token, converted to Markdown and to the clean HTML of the HTML formats and the report.
   */
  exportWork: Timing;
  /**
   * A bare `new TurndownService().turndown(body)` (its own parse and walk, no rules of ours) of each
   * extracted body: what the chosen converter costs before any Tistory block is handled.
   */
  bareTurndown: Timing;
  /**
   * What other Tistory tools do: parse the page, take `.contents_style`, serialise it and hand the string
   * to turndown with the GFM plugin. No chrome stripped, no Tistory block understood.
   */
  naive: Timing;
  /** Pages where the naive pipeline found no `.contents_style` (old and hand-made skins) and wrote nothing. */
  naiveEmpty: number;
  /** convert time ÷ parse-only time; the target is at most 4. */
  ratioToParse: number;
  /** convert time ÷ naive time; the target is below 1. */
  ratioToNaive: number;
  /** The export's work ÷ naive time. */
  exportRatioToNaive: number;
  /** The two calls ÷ parse-only time. */
  twoCallsRatioToParse: number;
  /** The export's work ÷ parse-only time. */
  exportRatioToParse: number;
  /** naive ÷ parse-only time. */
  naiveRatioToParse: number;
  /** bare turndown time ÷ parse-only time: with the page parse itself, the floor of this stack. */
  bareTurndownRatioToParse: number;
  failed: number;
  peakRssMb: number;
}

export interface Timing {
  totalMs: number;
  postsPerSecond: number;
  megabytesPerSecond: number;
  p50Ms: number;
  p95Ms: number;
}

function timing(durations: readonly number[], megabytes: number): Timing {
  const totalMs = durations.reduce((sum, ms) => sum + ms, 0);
  return {
    totalMs: round(totalMs, 0),
    postsPerSecond: round((durations.length / totalMs) * 1000),
    megabytesPerSecond: round((megabytes / totalMs) * 1000, 2),
    p50Ms: round(percentile(durations, 0.5), 2),
    p95Ms: round(percentile(durations, 0.95), 2),
  };
}

function timed(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

const EXPORT_SETTINGS = {
  images: 'download',
  names: { blogOrigin: 'https://bench.tistory.com', origins: [] },
} as const;

export function runConversion(options: { posts: number; root?: string }): ConversionResult {
  const corpus = createCorpus({ size: options.posts, ...(options.root ? { root: options.root } : {}) });
  const parse: number[] = [];
  const convert: number[] = [];
  const twoCalls: number[] = [];
  const exportWork: number[] = [];
  const bareTurndown: number[] = [];
  const naive: number[] = [];
  let naiveEmpty = 0;
  const bare = new TurndownService();
  const naiveService = new TurndownService();
  naiveService.use(gfm);
  let bytes = 0;
  let minBytes = Infinity;
  let maxBytes = 0;
  let failed = 0;
  for (let index = 0; index < corpus.size; index++) {
    const { html, url } = corpus.page(index);
    const size = Buffer.byteLength(html);
    bytes += size;
    minBytes = Math.min(minBytes, size);
    maxBytes = Math.max(maxBytes, size);
    // Interleaved, so load from other processes on the machine falls on both sides alike.
    parse.push(timed(() => load(html)));
    let body = '';
    convert.push(
      timed(() => {
        if (extractMarkdown(html, url).status !== 'ok') failed++;
      }),
    );
    twoCalls.push(
      timed(() => {
        const extraction = extractPost(html, url);
        if (extraction.status !== 'ok') return;
        body = extraction.bodyHtml;
        toMarkdown(body, { baseUrl: extraction.meta.url });
      }),
    );
    bareTurndown.push(timed(() => bare.turndown(body)));
    exportWork.push(timed(() => readPage(html, url, EXPORT_SETTINGS)));
    naive.push(
      timed(() => {
        const body = load(html)('.contents_style').first().html() ?? '';
        if (!body.trim()) naiveEmpty++;
        naiveService.turndown(body);
      }),
    );
  }
  const megabytes = bytes / 1e6;
  const convertTiming = timing(convert, megabytes);
  const parseTiming = timing(parse, megabytes);
  return {
    posts: corpus.size,
    megabytes: round(megabytes),
    minPageKb: round(minBytes / 1024),
    maxPageKb: round(maxBytes / 1024),
    convert: convertTiming,
    parseOnly: parseTiming,
    exportWork: timing(exportWork, megabytes),
    naive: timing(naive, megabytes),
    naiveEmpty,
    exportRatioToParse: round(timing(exportWork, megabytes).totalMs / parseTiming.totalMs, 2),
    twoCalls: timing(twoCalls, megabytes),
    twoCallsRatioToParse: round(timing(twoCalls, megabytes).totalMs / parseTiming.totalMs, 2),
    ratioToNaive: round(convertTiming.totalMs / timing(naive, megabytes).totalMs, 2),
    exportRatioToNaive: round(timing(exportWork, megabytes).totalMs / timing(naive, megabytes).totalMs, 2),
    naiveRatioToParse: round(timing(naive, megabytes).totalMs / parseTiming.totalMs, 2),
    bareTurndown: timing(bareTurndown, megabytes),
    bareTurndownRatioToParse: round(timing(bareTurndown, megabytes).totalMs / parseTiming.totalMs, 2),
    ratioToParse: round(convertTiming.totalMs / parseTiming.totalMs, 2),
    failed,
    peakRssMb: round(peakRssMb()),
  };
}
