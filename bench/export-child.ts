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
}

const job = JSON.parse(process.argv[2] ?? '{}') as ChildJob;
const started = performance.now();
const result = await exportBlog(job.options);
const output: ChildResult = { elapsedMs: round(performance.now() - started, 0), counts: result.counts, peakRssMb: round(peakRssMb()) };
process.stdout.write(`${JSON.stringify(output)}\n`);
