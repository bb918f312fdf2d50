import type { CliIo } from '../../src/cli/run.js';

/** What `runCli` writes, kept in memory: `out` and `err` fill as the run goes. */
export function captureIo(): { out: string[]; err: string[]; io: CliIo } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdout: { write: (chunk: string) => (out.push(chunk), true) },
      stderr: { write: (chunk: string) => (err.push(chunk), true) },
    },
  };
}
