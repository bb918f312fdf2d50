import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachingFetcher, offlineFetcher } from '../../src/cache/cache-fetcher.js';
import { PageCache } from '../../src/cache/page-cache.js';
import { FetchError, type FetchResponse, type Fetcher } from '../../src/types.js';

function response(url: string, status: number, body: Buffer, contentType: string): FetchResponse {
  return { url, status, headers: { 'content-type': contentType }, body, text: () => body.toString('utf8') };
}

/** A fetcher that answers from a table and counts what it was asked. */
function tableFetcher(answers: Record<string, FetchResponse>) {
  const asked: string[] = [];
  const fetcher: Fetcher = {
    async get(url) {
      asked.push(url);
      const answer = answers[url];
      if (!answer) throw new FetchError('connection refused', 'network', url);
      return answer;
    },
  };
  return { fetcher, asked };
}

describe('the page cache', () => {
  it('gives back status, headers, final URL and every byte of the body', async () => {
    const cache = new PageCache(await mkdtemp(join(tmpdir(), 'te-page-cache-')));
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x0a]);
    await cache.write(
      'https://blog.kakaocdn.net/dn/a/b/c/img.png',
      response('https://blog.kakaocdn.net/dn/a/b/c/img.png', 200, png, 'image/png'),
    );
    const cached = await cache.read('https://blog.kakaocdn.net/dn/a/b/c/img.png');
    expect(cached?.status).toBe(200);
    expect(cached?.headers['content-type']).toBe('image/png');
    expect(cached?.body.equals(png)).toBe(true);
    expect(await cache.read('https://blog.kakaocdn.net/dn/a/b/c/other.png')).toBeNull();
  });

  it('decodes a cached page by the charset its answer declared', async () => {
    const cache = new PageCache(await mkdtemp(join(tmpdir(), 'te-page-cache-')));
    const eucKr = Buffer.from([0xc7, 0xd1, 0xb1, 0xdb]); // "한글" in EUC-KR
    await cache.write(
      'http://old.example/1',
      response('http://old.example/1', 200, eucKr, 'text/html; charset=euc-kr'),
    );
    expect((await cache.read('http://old.example/1'))?.text()).toBe('한글');
  });

  it('keeps final answers, 404 among them, but not a 5xx or a 429', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'te-page-cache-'));
    const cache = new PageCache(dir);
    const { fetcher } = tableFetcher({
      'http://blog.test/1': response('http://blog.test/1', 200, Buffer.from('<p>ok</p>'), 'text/html'),
      'http://blog.test/2': response('http://blog.test/2', 404, Buffer.from('gone'), 'text/html'),
      'http://blog.test/3': response('http://blog.test/3', 503, Buffer.from('busy'), 'text/html'),
      'http://blog.test/4': response('http://blog.test/4', 429, Buffer.from('slow down'), 'text/html'),
    });
    const keeping = cachingFetcher(fetcher, cache);
    for (const id of [1, 2, 3, 4]) await keeping.get(`http://blog.test/${id}`);
    const offline = offlineFetcher(cache);
    expect((await offline.get('http://blog.test/1')).text()).toBe('<p>ok</p>');
    expect((await offline.get('http://blog.test/2')).status).toBe(404);
    await expect(offline.get('http://blog.test/3')).rejects.toThrow(/not in the cache/);
    await expect(offline.get('http://blog.test/4')).rejects.toThrow(FetchError);
    const files = (await readdir(dir, { recursive: true })).map(String);
    expect(files.filter((file) => file.endsWith('.response'))).toHaveLength(2);
    expect(files.filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  it('offline, never asks the network', async () => {
    const cache = new PageCache(await mkdtemp(join(tmpdir(), 'te-page-cache-')));
    const { fetcher, asked } = tableFetcher({
      'http://blog.test/1': response('http://blog.test/1', 200, Buffer.from('x'), 'text/html'),
    });
    await cachingFetcher(fetcher, cache).get('http://blog.test/1');
    expect(asked).toEqual(['http://blog.test/1']);
    await offlineFetcher(cache).get('http://blog.test/1');
    await offlineFetcher(cache)
      .get('http://blog.test/2')
      .catch(() => null);
    expect(asked).toEqual(['http://blog.test/1']);
  });
});
