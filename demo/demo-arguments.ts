// The export the demo runs, shared with the test that holds the demo's announcement to what the run shows.

export const DEMO_OUT = 'output/demo';

export interface DemoRun {
  out?: string;
  /** Requests per second; the demo's 20 keeps the run short while still showing the rate limiter at work. */
  rate?: number;
}

/** `--comments json` makes the run ask the comment API, whose staged failure the demo announces. */
export function demoArguments(blogUrl: string, { out = DEMO_OUT, rate = 20 }: DemoRun = {}): string[] {
  return [blogUrl, '--out', out, '--format', 'markdown,jsonl', '--comments', 'json', '--rate', String(rate)];
}
