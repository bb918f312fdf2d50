import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { fullJitterBackoffMs, isRetryableStatus } from '../../src/fetch/backoff.js';
import { decodeText } from '../../src/fetch/charset.js';
import { decodeContentEncoding } from '../../src/fetch/content-encoding.js';
import { HostLimiter } from '../../src/fetch/host-limiter.js';
import { resolveHttpClientOptions } from '../../src/fetch/options.js';
import { parseRetryAfterMs } from '../../src/fetch/retry-after.js';
import { DEFAULT_USER_AGENT } from '../../src/version.js';

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2025-04-10T03:00:00Z');

  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfterMs('120', now)).toBe(120_000);
    expect(parseRetryAfterMs(' 0 ', now)).toBe(0);
    expect(parseRetryAfterMs('Thu, 10 Apr 2025 03:00:30 GMT', now)).toBe(30_000);
  });

  it('treats a past date as now and rejects garbage', () => {
    expect(parseRetryAfterMs('Thu, 10 Apr 2025 02:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfterMs(undefined, now)).toBeNull();
    expect(parseRetryAfterMs('', now)).toBeNull();
    expect(parseRetryAfterMs('-5', now)).toBeNull();
    expect(parseRetryAfterMs('1.5', now)).toBeNull();
    expect(parseRetryAfterMs('soon', now)).toBeNull();
  });
});

describe('backoff', () => {
  it('draws a full-jitter delay below a ceiling that doubles per retry', () => {
    expect(fullJitterBackoffMs(500, 0, () => 0)).toBe(0);
    expect(fullJitterBackoffMs(500, 0, () => 0.999)).toBe(499);
    expect(fullJitterBackoffMs(500, 3, () => 0.5)).toBe(2000);
    expect(fullJitterBackoffMs(500, 30, () => 0.5)).toBe(30_000);
  });

  it('retries 429 and 500/502/503/504 only', () => {
    expect([429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([200, 301, 404, 410, 403, 501, 505].some(isRetryableStatus)).toBe(false);
  });
});

describe('decodeText', () => {
  it('prefers a byte-order mark, then the header, then the document, then UTF-8', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('티스토리')]);
    expect(decodeText(withBom, 'text/html; charset=euc-kr')).toBe('티스토리');
    expect(decodeText(Buffer.from([0xc7, 0xd1]), 'text/html;charset="euc-kr"')).toBe('한');
    expect(
      decodeText(Buffer.from('<?xml version="1.0" encoding="EUC-KR"?><a>\xc7\xd1</a>', 'latin1'), 'application/xml'),
    ).toBe('<?xml version="1.0" encoding="EUC-KR"?><a>한</a>');
    expect(decodeText(Buffer.from('<meta charset="utf-8">한'), 'text/html')).toBe('<meta charset="utf-8">한');
  });

  it('falls back to UTF-8 for an unknown charset label', () => {
    expect(decodeText(Buffer.from('한글'), 'text/html; charset=x-made-up')).toBe('한글');
  });
});

describe('decodeContentEncoding', () => {
  it('undoes stacked encodings from last to first', async () => {
    const twice = gzipSync(gzipSync(Buffer.from('두 번 압축')));
    const decoded = await decodeContentEncoding(twice, 'gzip, gzip', 1024);
    expect(decoded).toEqual({ body: Buffer.from('두 번 압축'), decoded: true });
  });

  it('leaves an unknown encoding untouched and fails on a truncated stream', async () => {
    const body = Buffer.from('opaque');
    expect(await decodeContentEncoding(body, 'x-unknown', 1024)).toEqual({ body, decoded: false });
    const truncated = gzipSync(Buffer.from('잘린 본문'.repeat(50))).subarray(0, 30);
    await expect(decodeContentEncoding(truncated, 'gzip', 1024)).rejects.toThrow();
  });
});

describe('HostLimiter', () => {
  it('grants in FIFO order, within concurrency, and holds starts back during a pause', async () => {
    const limiter = new HostLimiter(1, 0);
    const order: string[] = [];
    const first = await limiter.acquire();
    const waiting = ['a', 'b', 'c'].map((name) =>
      limiter.acquire().then((release) => {
        order.push(name);
        release();
      }),
    );
    limiter.pauseFor(80);
    const pausedAt = performance.now();
    first();
    await Promise.all(waiting);

    expect(order).toEqual(['a', 'b', 'c']);
    expect(performance.now() - pausedAt).toBeGreaterThanOrEqual(79);
  });

  it('drops a waiter whose signal aborts, and rejects everything once closed', async () => {
    const limiter = new HostLimiter(1, 0);
    const release = await limiter.acquire();
    const controller = new AbortController();
    const aborted = limiter.acquire(controller.signal);
    const next = limiter.acquire();
    controller.abort(new Error('stop'));
    await expect(aborted).rejects.toThrow('stop');
    release();
    const nextRelease = await next;

    const queued = limiter.acquire();
    limiter.close(new Error('closed'));
    await expect(queued).rejects.toThrow('closed');
    await expect(limiter.acquire()).rejects.toThrow('closed');
    nextRelease();
  });
});

describe('resolveHttpClientOptions', () => {
  it('fills polite defaults and keeps explicit values', () => {
    const resolved = resolveHttpClientOptions({ rate: 0, retries: undefined });
    expect(resolved).toMatchObject({
      userAgent: DEFAULT_USER_AGENT,
      concurrency: 2,
      rate: 0,
      retries: 4,
      timeout: 30_000,
      respectRobots: true,
      maxRetryAfter: 120,
      maxBodyBytes: 20 * 1024 * 1024,
      baseBackoffMs: 500,
    });
  });

  it('rejects nonsense values', () => {
    expect(() => resolveHttpClientOptions({ concurrency: 0 })).toThrow(/concurrency/);
    expect(() => resolveHttpClientOptions({ rate: Number.NaN })).toThrow(/rate/);
  });
});
