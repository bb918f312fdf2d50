import { describe, expect, it } from 'vitest';
import { createProgressReporter, formatDuration } from '../../src/cli/progress.js';
import type { ManifestEntry } from '../../src/types.js';

function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY, columns: 200, write: (chunk: string) => (chunks.push(chunk), true) } };
}

function entry(id: string, status: ManifestEntry['status'], error?: string): ManifestEntry {
  return { id, url: `https://b.tistory.com/${id}`, title: `글 ${id}`, status, files: [], ...(error ? { error } : {}) };
}

describe('progress reporter', () => {
  it('prints one plain line per post when not on a terminal', () => {
    const { chunks, stream } = fakeStream(false);
    const reporter = createProgressReporter(stream);
    reporter.handle({ type: 'discovered', total: 2 });
    reporter.handle({ type: 'post', entry: entry('1', 'ok'), done: 1, total: 2 });
    reporter.handle({ type: 'post', entry: entry('2', 'failed', 'HTTP 500'), done: 2, total: 2 });
    reporter.finish();
    const text = chunks.join('');
    expect(text).not.toContain('\r');
    expect(text).not.toContain('\x1b');
    expect(text.split('\n')).toEqual([
      'Found 2 posts.',
      '[1/2] ok        1  글 1',
      '[2/2] failed    2  글 2: HTTP 500',
      '',
    ]);
  });

  it('redraws a bar with done/total, failures, rate and ETA on a terminal', () => {
    const { chunks, stream } = fakeStream(true);
    let clock = 0;
    const reporter = createProgressReporter(stream, () => clock);
    reporter.handle({ type: 'discovered', total: 4 });
    clock = 2000;
    reporter.handle({ type: 'post', entry: entry('1', 'ok'), done: 1, total: 4 });
    clock = 4000;
    reporter.handle({ type: 'post', entry: entry('2', 'failed', 'HTTP 500'), done: 2, total: 4 });
    const bar = chunks.filter((chunk) => chunk.startsWith('\r\x1b[2K[')).at(-1);
    expect(bar).toContain('2/4 posts');
    expect(bar).toContain('1 failed');
    expect(bar).toContain('0.5 posts/s');
    expect(bar).toContain('ETA 0:04');
    expect(chunks.join('')).toContain('failed https://b.tistory.com/2: HTTP 500\n');
    reporter.finish();
    expect(chunks.at(-1)).toBe('\n');
  });
});

describe('discovery progress', () => {
  const source = 'https://b.tistory.com';
  const progress = (pagesRead: number, postsFound: number) => ({
    type: 'discovery-progress' as const,
    pagesRead,
    postsFound,
  });

  it('updates one status line in place on a terminal, and leaves it standing when the run stops there', () => {
    const { chunks, stream } = fakeStream(true);
    let clock = 0;
    const reporter = createProgressReporter(stream, () => clock);
    reporter.handle({ type: 'discovering', source });
    clock = 1000;
    reporter.handle(progress(1, 10));
    clock = 1050;
    reporter.handle(progress(2, 20));
    clock = 1200;
    reporter.handle(progress(12, 87));
    expect(chunks.slice(1)).toEqual([
      `\r\x1b[2KDiscovering posts of ${source}: 1 page read, 10 posts found so far`,
      `\r\x1b[2KDiscovering posts of ${source}: 12 pages read, 87 posts found so far`,
    ]);
    reporter.finish();
    expect(chunks.slice(3)).toEqual(['\n']);
  });

  it('off a terminal prints a plain line at most every few seconds, and none for a quick discovery', () => {
    const { chunks, stream } = fakeStream(false);
    let clock = 0;
    const reporter = createProgressReporter(stream, () => clock);
    reporter.handle({ type: 'discovering', source });
    for (let page = 1; page <= 100; page++) {
      clock = page * 200;
      reporter.handle(progress(page, page * 10));
    }
    reporter.handle({ type: 'discovered', total: 1000 });
    reporter.finish();
    const text = chunks.join('');
    expect(text).not.toMatch(/[\r\x1b]/);
    expect(text.split('\n')).toEqual([
      `Discovering posts of ${source} …`,
      `Discovering posts of ${source}: 25 pages read, 250 posts found so far`,
      `Discovering posts of ${source}: 50 pages read, 500 posts found so far`,
      `Discovering posts of ${source}: 75 pages read, 750 posts found so far`,
      `Discovering posts of ${source}: 100 pages read, 1000 posts found so far`,
      'Found 1000 posts.',
      '',
    ]);

    const quick = fakeStream(false);
    const quickReporter = createProgressReporter(quick.stream, () => 0);
    quickReporter.handle({ type: 'discovering', source });
    quickReporter.handle(progress(3, 30));
    quickReporter.handle({ type: 'discovered', total: 30 });
    expect(quick.chunks.join('')).toBe(`Discovering posts of ${source} …\nFound 30 posts.\n`);
  });

  it('prints nothing off a terminal while no post is found: bad input keeps its one line', () => {
    const { chunks, stream } = fakeStream(false);
    let clock = 0;
    const reporter = createProgressReporter(stream, () => clock);
    reporter.handle({ type: 'discovering', source });
    clock = 60_000;
    reporter.handle(progress(3, 0));
    reporter.discard();
    expect(chunks).toEqual([]);
  });
});

describe('signed URLs in progress lines', () => {
  it('print an image retry and a warning without the signed query', () => {
    const { chunks, stream } = fakeStream(false);
    const reporter = createProgressReporter(stream);
    reporter.handle({ type: 'discovered', total: 1 });
    const signed = 'https://blog.kakaocdn.net/dna/a/b/c/img.png?credential=K1&expires=2&allow_ip=&signature=Zx%3D';
    reporter.handle({ type: 'retry', url: signed, attempt: 1, delayMs: 1000, reason: 'HTTP 503' });
    reporter.handle({ type: 'warning', message: `could not cache ${signed}: disk full` });
    reporter.handle({
      type: 'retry',
      url: 'https://b.tistory.com/category?page=2',
      attempt: 1,
      delayMs: 1000,
      reason: 'HTTP 429',
    });
    reporter.finish();
    expect(chunks.join('').split('\n')).toEqual([
      'Found 1 post.',
      'retry https://blog.kakaocdn.net/dna/a/b/c/img.png in 1.0s (HTTP 503)',
      'warning: could not cache https://blog.kakaocdn.net/dna/a/b/c/img.png: disk full',
      'retry https://b.tistory.com/category?page=2 in 1.0s (HTTP 429)',
      '',
    ]);
  });
});

describe('formatDuration', () => {
  it('reads as m:ss or h:mm:ss', () => {
    expect(formatDuration(65_000)).toBe('1:05');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
  });
});
