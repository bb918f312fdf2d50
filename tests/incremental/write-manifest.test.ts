// The manifest is streamed a post at a time; its bytes must stay those of one JSON.stringify, which
// readers of earlier manifests (and the golden files) know.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildManifest, writeManifest } from '../../src/state/manifest.js';
import type { ManifestEntry } from '../../src/types.js';

const POSTS: ManifestEntry[] = [
  {
    id: '41',
    url: 'https://a.tistory.com/41',
    title: 'Python으로 "CSV" 파일 다루기\n(줄바꿈)',
    status: 'ok',
    files: ['markdown/python으로-csv-파일-다루기.md'],
    assets: [
      {
        url: 'https://blog.kakaocdn.net/dn/a/b/c/img.png',
        kind: 'image',
        file: 'assets/img-1a2b3c4d.png',
        sha256: 'a'.repeat(64),
      },
      {
        url: 'https://blog.kakaocdn.net/dna/x/y/z/f.zip?credential=c&expires=1&signature=s',
        kind: 'attachment',
        error: 'HTTP 503',
      },
    ],
    warnings: ['https://blog.kakaocdn.net/dna/x/y/z/f.zip: HTTP 503'],
  },
  { id: '42', url: 'https://a.tistory.com/42', title: '비밀 글', status: 'protected', files: [] },
  {
    id: '9',
    url: 'https://a.tistory.com/9',
    title: '',
    status: 'failed',
    files: [],
    error: 'HTTP 500 (after 5 attempts)',
  },
];

describe('writeManifest', () => {
  for (const [name, posts] of [
    ['several posts', POSTS],
    ['no post', []],
  ] as const) {
    it(`writes exactly what JSON.stringify would, with ${name}`, async () => {
      const manifest = buildManifest('https://a.tistory.com', posts, new Date('2026-11-29T00:00:00Z'));
      const out = await mkdtemp(join(tmpdir(), 'te-manifest-'));
      const path = await writeManifest(out, manifest);
      expect(await readFile(path, 'utf8')).toBe(`${JSON.stringify(manifest, null, 2)}\n`);
    });
  }
});
