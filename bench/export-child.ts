// One export in a process of its own, so its peak memory is measured alone (the servers and the
// generated blog live in the parent). Reads its job as JSON from argv, prints its result as JSON.

import { exportBlog, type ExportOptions } from '../src/export.js';
import { peakRssMb, round } from './stats.js';

export interface ChildJob {
  options: Omit<ExportOptions, 'onEvent' | 'signal' | 'fetcher' | 'assetFetcher'>;
}

export interface ChildResult {
  elapsedMs: number;
  counts: Record<string, number>;
  peakRssMb: number;
  /** With `--expose-gc`: the heap still in use after a full collection, sampled every few seconds. */
  liveHeapMb?: number[];
  /** Where the memory sat when the resident set was largest (sampled), in MB. */
  atPeakMb?: { rss: number; heapTotal: number; heapUsed: number; external: number; arrayBuffers: number };
}

const job = JSON.parse(process.argv[2] ?? '{}') as ChildJob;
const collect = (globalThis as { gc?: () => void }).gc;
const liveHeapMb: number[] = [];
// Peak RSS says how much the process took; the live heap says whether anything grows with the blog.
const sampler = collect
  ? setInterval(() => {
      collect();
      liveHeapMb.push(round(process.memoryUsage().heapUsed / 1e6));
    }, 3000)
  : null;
let atPeak = process.memoryUsage();
// RSS alone cannot say whether the JS heap, Buffers or native allocations grew; a sampled breakdown can.
const peakSampler = setInterval(() => {
  const now = process.memoryUsage();
  if (now.rss > atPeak.rss) atPeak = now;
}, 200);
const started = performance.now();
const result = await exportBlog(job.options);
if (sampler) clearInterval(sampler);
clearInterval(peakSampler);
const megabytes = (bytes: number) => round(bytes / 1e6);
const output: ChildResult = {
  elapsedMs: round(performance.now() - started, 0),
  counts: result.counts,
  peakRssMb: round(peakRssMb()),
  ...(collect ? { liveHeapMb } : {}),
  atPeakMb: {
    rss: megabytes(atPeak.rss),
    heapTotal: megabytes(atPeak.heapTotal),
    heapUsed: megabytes(atPeak.heapUsed),
    external: megabytes(atPeak.external),
    arrayBuffers: megabytes(atPeak.arrayBuffers),
  },
};
process.stdout.write(`${JSON.stringify(output)}\n`);
