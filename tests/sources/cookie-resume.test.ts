import { describe, expect, it } from 'vitest';
import { resumeMessage } from '../../src/cli/interrupt.js';
import { ExportInterrupted } from '../../src/run/interrupted.js';

describe('the resume command of an interrupted run', () => {
  it('never prints a --cookie header value, but keeps a cookies.txt path', () => {
    const interrupted = new ExportInterrupted('/tmp/out', 3, 2);
    const header = resumeMessage(interrupted, ['https://a.tistory.com', '--cookie', 'TSSESSION=abc123', '-o', 'out']);
    expect(header).not.toContain('abc123');
    expect(header).toContain("--cookie '<the same --cookie value>'");
    const joined = resumeMessage(interrupted, ['https://a.tistory.com', '--cookie=TSSESSION=abc123']);
    expect(joined).not.toContain('abc123');
    const file = resumeMessage(interrupted, ['https://a.tistory.com', '--cookie', 'cookies.txt']);
    expect(file).toContain('--cookie cookies.txt');
  });
});
