// A whole export against a local blog with injected latency: wall time against the ideal for the chosen
// politeness settings, and the exporter's peak memory (measured in a child process).

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateBlog } from './corpus/posts.js';
import type { ChildJob } from './export-child.js';
import { exportInChild, measuresOf, type ChildMeasures } from './export-in-child.js';
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

export interface CrawlResult extends ChildMeasures {
  settings: CrawlSettings;
  requests: { blog: number; cdn: number };
  /** The slower host's bound: requests ÷ rate or requests × latency ÷ concurrency, whichever binds. */
  idealMs: number;
  ratioToIdeal: number;
}

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
    const child = await exportInChild(job);
    const ideal = Math.max(
      idealMs(servers.requests.blog, settings.latencyMs, settings.concurrency, settings.rate),
      idealMs(servers.requests.cdn, settings.latencyMs, settings.assetConcurrency, settings.assetRate),
    );
    return {
      settings,
      requests: { ...servers.requests },
      idealMs: round(ideal, 0),
      ratioToIdeal: ideal > 0 ? round(child.elapsedMs / ideal, 3) : Number.NaN,
      ...measuresOf(child),
    };
  } finally {
    await servers.close();
    await rm(out, { recursive: true, force: true });
  }
}
