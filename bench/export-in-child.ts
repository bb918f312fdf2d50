// Runs one export in a child process (bench/export-child.ts), so its peak memory is measured alone.

import { execFile } from 'node:child_process';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ChildJob, ChildResult } from './export-child.js';

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL('./export-child.js', import.meta.url));

/** What every export benchmark reports of its child. */
export type ChildMeasures = Pick<ChildResult, 'counts' | 'peakRssMb' | 'liveHeapMb' | 'atPeakMb'> & { wallMs: number };

export async function exportInChild(job: ChildJob, nodeArgs: readonly string[] = []): Promise<ChildResult> {
  // src/version.ts reads the package.json two levels above itself, which the compiled copy lacks.
  await copyFile(join(process.cwd(), 'package.json'), fileURLToPath(new URL('../package.json', import.meta.url)));
  // BENCH_CHILD_NODE_ARGS="--cpu-prof …" profiles the export alone (NODE_OPTIONS refuses --cpu-prof).
  const extra = (process.env.BENCH_CHILD_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const { stdout } = await run(process.execPath, [...nodeArgs, ...extra, CHILD, JSON.stringify(job)], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as ChildResult;
}

/** The child's figures as a result reports them (optional ones only when measured). */
export function measuresOf(child: ChildResult): ChildMeasures {
  return {
    wallMs: child.elapsedMs,
    counts: child.counts,
    peakRssMb: child.peakRssMb,
    ...(child.liveHeapMb ? { liveHeapMb: child.liveHeapMb } : {}),
    ...(child.atPeakMb ? { atPeakMb: child.atPeakMb } : {}),
  };
}
