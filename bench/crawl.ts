// A whole export against a local blog with injected latency: wall time against the ideal for the chosen
// politeness settings, and the exporter's peak memory (measured in a child process).

import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { generateBlog } from './corpus/posts.js';
import type { ChildJob, ChildResult } from './export-child.js';
import { startLatencyServers } from './latency-server.js';
import { round } from './stats.js';

export interface CrawlSettings {
  posts: number;
  latencyMs: number;
  /** Page requests in flight per host, and per second (0 = no limit). */
  concurrency: number;
  rate: number;
  assetConcurrency: number;
  assetRate: number;
  /** Body characters of the generated posts, drawn log-uniform between these. */
  minBodyChars: number;
  maxBodyChars: number;
}

export interface CrawlResult {
  settings: CrawlSettings;
  requests: { blog: number; cdn: number };
  /** The slower host's bound: requests ÷ rate or requests × latency ÷ concurrency, whichever binds. */
  idealMs: number;
  wallMs: number;
  ratioToIdeal: number;
  counts: Record<string, number>;
  peakRssMb: number;
  liveHeapMb?: number[];
  atPeakMb?: ChildResult['atPeakMb'];
}

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL('./export-child.js', import.meta.url));

/** The least time `requests` can take on one host under the limits. */
export function idealMs(requests: number, latencyMs: number, concurrency: number, rate: number): number {
  const byRate = rate > 0 ? ((requests - 1) / rate) * 1000 : 0;
  const byLatency = (requests * latencyMs) / concurrency;
  return Math.max(byRate, byLatency);
}

export async function runCrawl(settings: CrawlSettings): Promise<CrawlResult> {
  const blog = generateBlog({
    posts: settings.posts,
    seed: 7_000 + settings.posts,
    minBodyBytes: settings.minBodyChars,
    maxBodyBytes: settings.maxBodyChars,
    kind: 'two-images',
  });
  // src/version.ts reads the package.json two levels above itself, which the compiled copy lacks.
  await copyFile(join(process.cwd(), 'package.json'), fileURLToPath(new URL('../package.json', import.meta.url)));
  const servers = await startLatencyServers(blog, settings.latencyMs);
  const out = await mkdtemp(join(tmpdir(), 'tistory-bench-'));
  try {
    const job: ChildJob = {
      options: {
        source: servers.blogUrl,
        out,
        hostMap: servers.hostMap,
        concurrency: settings.concurrency,
        rate: settings.rate,
        assetConcurrency: settings.assetConcurrency,
        assetRate: settings.assetRate,
      },
    };
    // BENCH_CHILD_NODE_ARGS="--cpu-prof …" profiles the export alone (NODE_OPTIONS refuses --cpu-prof).
    const nodeArgs = (process.env.BENCH_CHILD_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const { stdout } = await run(process.execPath, [...nodeArgs, CHILD, JSON.stringify(job)], { maxBuffer: 16 * 1024 * 1024 });
    const child = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as ChildResult;
    const ideal = Math.max(
      idealMs(servers.requests.blog, settings.latencyMs, settings.concurrency, settings.rate),
      idealMs(servers.requests.cdn, settings.latencyMs, settings.assetConcurrency, settings.assetRate),
    );
    return {
      settings,
      requests: { ...servers.requests },
      idealMs: round(ideal, 0),
      wallMs: child.elapsedMs,
      ratioToIdeal: ideal > 0 ? round(child.elapsedMs / ideal, 3) : Number.NaN,
      counts: child.counts,
      peakRssMb: child.peakRssMb,
      ...(child.liveHeapMb ? { liveHeapMb: child.liveHeapMb } : {}),
      ...(child.atPeakMb ? { atPeakMb: child.atPeakMb } : {}),
    };
  } finally {
    await servers.close();
    await rm(out, { recursive: true, force: true });
  }
}
