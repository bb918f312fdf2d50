import { describe, expect, it } from 'vitest';
import { createProgressReporter } from '../../src/cli/progress.js';
import { terminalSafe } from '../../src/cli/terminal-text.js';
import type { ManifestEntry } from '../../src/types.js';

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('terminalSafe', () => {
  it('shows ESC, BEL, CR, DEL and C1 controls as visible escapes', () => {
    expect(terminalSafe('a\x1b[2Jb\x07c')).toBe('a\\x1b[2Jb\\x07c');
    expect(terminalSafe('over\rwrite')).toBe('over\\x0dwrite');
    expect(terminalSafe('\x00\x7f\x9b31m')).toBe('\\x00\\x7f\\x9b31m');
    expect(terminalSafe('\x1b]0;owned\x07')).toBe('\\x1b]0;owned\\x07');
  });

  it('keeps newline, tab and every printable character, Hangul and emoji included', () => {
    const text = '첫 줄\t탭\n둘째 줄 — “인용” 😀 \u00a0 é';
    expect(terminalSafe(text)).toBe(text);
  });
});

function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY, columns: 200, write: (chunk: string) => (chunks.push(chunk), true) } };
}

const HOSTILE = '제목\x1b[2J\x07\x1b]0;pwned\x07끝';

function hostileEntry(status: ManifestEntry['status']): ManifestEntry {
  return {
    id: '9',
    url: 'https://b.tistory.com/9?q=\x1b[31m',
    title: HOSTILE,
    status,
    files: [],
    ...(status === 'failed' ? { error: 'server said \x1b[1mbold\x07' } : {}),
  };
}

describe('progress lines', () => {
  it('print titles, URLs, errors and warnings with their control characters escaped (log output)', () => {
    const { chunks, stream } = fakeStream(false);
    const reporter = createProgressReporter(stream);
    reporter.handle({ type: 'discovering', source: 'https://b.tistory.com/\x1b[2J' });
    reporter.handle({ type: 'discovered', total: 3 });
    reporter.handle({ type: 'post', entry: hostileEntry('ok'), done: 1, total: 3 });
    reporter.handle({ type: 'post', entry: hostileEntry('failed'), done: 2, total: 3 });
    reporter.handle({ type: 'duplicate', id: '9', url: 'https://b.tistory.com/entry/\x07', done: 3, total: 3 });
    reporter.handle({
      type: 'retry',
      url: 'https://b.tistory.com/\x1bc',
      attempt: 1,
      delayMs: 1000,
      reason: 'HTTP 503\x07',
    });
    reporter.handle({ type: 'warning', message: `${HOSTILE} warned` });
    reporter.finish();
    const text = chunks.join('');
    expect(text).not.toMatch(CONTROL);
    expect(text).toContain('[1/3] ok        9  제목\\x1b[2J\\x07\\x1b]0;pwned\\x07끝\n');
    expect(text).toContain('[2/3] failed    9  제목\\x1b[2J\\x07\\x1b]0;pwned\\x07끝: server said \\x1b[1mbold\\x07\n');
    expect(text).toContain('Discovering posts of https://b.tistory.com/\\x1b[2J …\n');
    expect(text).toContain('duplicate 9  https://b.tistory.com/entry/\\x07\n');
    expect(text).toContain('retry https://b.tistory.com/\\x1bc in 1.0s (HTTP 503\\x07)\n');
    expect(text).toContain('warning: 제목\\x1b[2J\\x07\\x1b]0;pwned\\x07끝 warned\n');
  });

  it("on a terminal, keep only the bar's own erase sequence", () => {
    const { chunks, stream } = fakeStream(true);
    const reporter = createProgressReporter(stream);
    reporter.handle({ type: 'discovering', source: 'https://b.tistory.com/\x1b[2J' });
    reporter.handle({ type: 'discovered', total: 2 });
    reporter.handle({ type: 'post', entry: hostileEntry('failed'), done: 1, total: 2 });
    reporter.handle({ type: 'warning', message: `${HOSTILE} warned` });
    reporter.finish();
    const text = chunks.join('').replaceAll('\r\x1b[2K', '');
    expect(text).not.toMatch(CONTROL);
    expect(text).toContain('failed https://b.tistory.com/9?q=\\x1b[31m: server said \\x1b[1mbold\\x07\n');
  });
});
