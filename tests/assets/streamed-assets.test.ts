// A fetcher that can stream (a backup's) has its files copied to disk as they come, never held whole.
// The names, hashes and the one-copy-per-bytes rule must be exactly those of a file held in memory, and a
// stream that fails halfway must leave neither a file under the real name nor a temp file behind.

import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AssetStore } from '../../src/assets/asset-store.js';
import type { StreamingFetcher } from '../../src/assets/streaming-fetcher.js';
import { pngImage } from '../../demo/blog/fixture-images.js';
import type { AssetRef } from '../../src/body/body-template.js';
import type { Fetcher, PostAsset } from '../../src/types.js';

/** A BMP is told from text by the length it states matching the file's: the whole length, not the first bytes'. */
function bmpImage(bytes: number): Buffer {
  const bmp = Buffer.alloc(bytes, 0x20);
  bmp.write('BM', 0, 'latin1');
  bmp.writeUInt32LE(bytes, 2);
  return bmp;
}

const FILES: Record<string, Buffer> = {
  'https://blog.kakaocdn.net/dn/aaa/img.png': pngImage('streamed'),
  'https://blog.kakaocdn.net/dn/bbb/img.png': pngImage('streamed'),
  'https://t1.daumcdn.net/cfile/tistory/2A3B4C5D6E7F8091': bmpImage(200_000),
};

const REFS: AssetRef[] = [
  { url: 'https://blog.kakaocdn.net/dn/aaa/img.png', kind: 'image', hint: '설치 화면.png' },
  { url: 'https://blog.kakaocdn.net/dn/bbb/img.png', kind: 'image', hint: 'install.png' },
  { url: 'https://t1.daumcdn.net/cfile/tistory/2A3B4C5D6E7F8091', kind: 'image', hint: null },
];

function bufferedFetcher(): Fetcher {
  return {
    async get(url) {
      const body = FILES[url]!;
      return {
        url,
        status: 200,
        headers: { 'content-type': 'application/octet-stream' },
        body,
        text: () => body.toString('utf8'),
      };
    },
  };
}

/** Serves FILES a few bytes a chunk at first, so a type sniffed from one chunk alone would go wrong; `failAfter` bytes, then an error. */
function streamingFetcher(failAfter = Infinity): StreamingFetcher & { streamed: number } {
  const fetcher = {
    streamed: 0,
    async get(): Promise<never> {
      throw new Error('a streaming fetcher is asked through getStream');
    },
    async getStream(url: string) {
      fetcher.streamed += 1;
      const body = FILES[url]!;
      const chunks = function* () {
        for (let at = 0, size = 5; at < body.length; at += size, size = at < 100 ? 5 : 64 * 1024) {
          if (at >= failAfter) throw new Error('the archive went away');
          yield body.subarray(at, at + size);
        }
      };
      return {
        url,
        status: 200,
        headers: { 'content-type': 'application/octet-stream' },
        body: Readable.from(chunks()),
      };
    },
  };
  return fetcher;
}

async function storeAll(fetcher: Fetcher): Promise<{ outDir: string; assets: PostAsset[] }> {
  const outDir = await mkdtemp(join(tmpdir(), 'te-streamed-'));
  const store = new AssetStore(outDir, fetcher);
  return { outDir, assets: await Promise.all(REFS.map((ref) => store.store(ref))) };
}

describe('assets from a streaming fetcher', () => {
  it('are named, hashed and stored exactly as when held in memory', async () => {
    const streamer = streamingFetcher();
    const [held, streamed] = await Promise.all([storeAll(bufferedFetcher()), storeAll(streamer)]);
    expect(streamer.streamed).toBe(REFS.length);
    expect(streamed.assets).toEqual(held.assets);
    expect(streamed.assets.map((asset) => asset.file)).toEqual([
      expect.stringMatching(/^assets\/설치-화면-[0-9a-f]{8}\.png$/),
      expect.stringMatching(/^assets\/install-[0-9a-f]{8}\.png$/),
      expect.stringMatching(/^assets\/2A3B4C5D6E7F8091-[0-9a-f]{8}\.bmp$/),
    ]);
    for (const [index, asset] of streamed.assets.entries()) {
      expect(await readFile(join(streamed.outDir, asset.file!))).toEqual(FILES[REFS[index]!.url]);
    }
    expect((await readdir(join(streamed.outDir, 'assets'))).sort()).toEqual(
      (await readdir(join(held.outDir, 'assets'))).sort(),
    );
  });

  it('keeps two names of the same bytes as one file on disk, and no temp file', async () => {
    const { outDir, assets } = await storeAll(streamingFetcher());
    const [first, second] = await Promise.all(assets.slice(0, 2).map((asset) => stat(join(outDir, asset.file!))));
    expect(first!.ino).toBe(second!.ino);
    expect((await readdir(join(outDir, 'assets'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves nothing behind for a stream that fails halfway, and says why', async () => {
    const { outDir, assets } = await storeAll(streamingFetcher(20));
    expect(assets.map((asset) => [asset.file, asset.error])).toEqual(REFS.map(() => [null, 'the archive went away']));
    expect(await readdir(join(outDir, 'assets'))).toEqual([]);
  });
});
