// The asset store names each file from its own URL and page, so a blog whose posts share an image under
// different names exports the same file names whichever post finishes first; the bytes stay on disk once.

import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AssetStore } from '../../src/assets/asset-store.js';
import { pngImage } from '../../demo/blog/fixture-images.js';
import type { AssetRef } from '../../src/body/body-template.js';
import type { FetchResponse, Fetcher } from '../../src/types.js';

const SCREENSHOT = pngImage('same screenshot');
const FIRST: AssetRef = { url: 'https://blog.kakaocdn.net/dn/aaa/img.png', kind: 'image', hint: '설치 화면.png' };
const SECOND: AssetRef = { url: 'https://blog.kakaocdn.net/dn/bbb/img.png', kind: 'image', hint: 'install.png' };
const THIRD: AssetRef = { url: 'https://blog.kakaocdn.net/dn/ccc/img.png', kind: 'image', hint: '설치 화면.png' };

/** Answers every URL with the same PNG; counts the requests. */
function sameBytesFetcher(requests: string[]): Fetcher {
  return {
    async get(url): Promise<FetchResponse> {
      requests.push(url);
      const body = Buffer.from(SCREENSHOT);
      return { url, status: 200, headers: { 'content-type': 'image/png' }, body, text: () => body.toString('utf8') };
    },
  };
}

async function storeInOrder(refs: readonly AssetRef[]) {
  const outDir = await mkdtemp(join(tmpdir(), 'te-asset-store-'));
  const requests: string[] = [];
  const store = new AssetStore(outDir, sameBytesFetcher(requests));
  const stored = new Map<string, string | null>();
  for (const ref of refs) stored.set(ref.url, (await store.store(ref)).file);
  return { outDir, requests, files: Object.fromEntries([...stored].sort()) };
}

describe('asset store', () => {
  it('names a file after its own page whichever post came first, and keeps the bytes once', async () => {
    const forward = await storeInOrder([FIRST, SECOND, THIRD]);
    const backward = await storeInOrder([THIRD, SECOND, FIRST]);
    expect(backward.files).toEqual(forward.files);
    expect(forward.files[FIRST.url]).toMatch(/^assets\/설치-화면-[0-9a-f]{8}\.png$/);
    expect(forward.files[SECOND.url]).toMatch(/^assets\/install-[0-9a-f]{8}\.png$/);
    // The same name and bytes: one file.
    expect(forward.files[THIRD.url]).toBe(forward.files[FIRST.url]);
    expect(forward.requests).toHaveLength(3);

    const names = (await readdir(join(forward.outDir, 'assets'))).sort();
    expect(names).toHaveLength(2);
    const [a, b] = await Promise.all(names.map((name) => stat(join(forward.outDir, 'assets', name))));
    expect(a!.ino).toBe(b!.ino);
    for (const name of names)
      expect(await readFile(join(forward.outDir, 'assets', name))).toEqual(Buffer.from(SCREENSHOT));
  });

  it('stores two names of the same bytes asked for at once', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'te-asset-store-'));
    const store = new AssetStore(outDir, sameBytesFetcher([]));
    const [first, second] = await Promise.all([store.store(FIRST), store.store(SECOND)]);
    expect(first.file).not.toBe(second.file);
    for (const asset of [first, second])
      expect(await readFile(join(outDir, asset.file!))).toEqual(Buffer.from(SCREENSHOT));
    const [a, b] = await Promise.all([first, second].map((asset) => stat(join(outDir, asset.file!))));
    expect(a!.ino).toBe(b!.ino);
  });
});
