import { mkdir, mkdtemp, readFile, readdir, stat, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTarget } from '../../src/targets/index.js';
import { writeFileAtomic } from '../../src/util/atomic-write.js';
import type { PostMeta } from '../../src/types.js';
import { postOf } from './post-fixture.js';

const meta: PostMeta = {
  id: '7',
  url: 'https://example.tistory.com/7',
  title: '첫 글: "안녕"',
  published: '2021-03-01T10:00:00+09:00',
  updated: null,
  categories: [],
  tags: ['인사'],
  author: '글쓴이',
  description: null,
  cover: null,
  blogName: null,
};
const post = postOf(meta, { id: '7', slug: '첫-글-안녕', html: '<p>안녕 🙂</p>', markdown: '안녕 🙂' });

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

describe('markdown target', () => {
  it('writes markdown/<slug>.md and nothing else, not even a temp file', async () => {
    const out = await mkdtemp(join(tmpdir(), 'te-md-'));
    const target = createTarget('markdown', { outDir: out, assetLayout: 'shared' });
    expect(await target.writePost(post)).toEqual(['markdown/첫-글-안녕.md']);
    expect(await target.writeProtected(meta, '7')).toEqual([]);
    await target.finish();
    expect(await listFiles(out)).toEqual(['markdown/첫-글-안녕.md']);
    const text = await readFile(join(out, 'markdown/첫-글-안녕.md'), 'utf8');
    expect(text).toContain(`title: '첫 글: "안녕"'`);
    expect(text.endsWith('\n안녕 🙂\n')).toBe(true);
  });
});

describe('jsonl target', () => {
  it('streams one object per post into posts.jsonl, protected posts without a body', async () => {
    const out = await mkdtemp(join(tmpdir(), 'te-jsonl-'));
    const target = createTarget('jsonl', { outDir: out, assetLayout: 'shared' });
    await target.writePost(post);
    await target.writeProtected({ ...meta, id: '8', title: '비밀 글' }, '8');
    expect(await listFiles(out)).not.toContain('posts.jsonl');
    expect(await target.finish()).toEqual(['posts.jsonl']);
    expect(await listFiles(out)).toEqual(['posts.jsonl']);
    const lines = (await readFile(join(out, 'posts.jsonl'), 'utf8'))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      {
        id: '7',
        url: meta.url,
        type: 'post',
        title: meta.title,
        published: meta.published,
        updated: null,
        categories: [],
        tags: ['인사'],
        author: '글쓴이',
        description: null,
        cover: null,
        status: 'ok',
        markdown: '안녕 🙂',
        html: '<p>안녕 🙂</p>',
        assets: [],
      },
      expect.objectContaining({
        id: '8',
        type: 'post',
        title: '비밀 글',
        status: 'protected',
        markdown: null,
        html: null,
      }),
    ]);
  });

  it('leaves no temp file behind when aborted', async () => {
    const out = await mkdtemp(join(tmpdir(), 'te-jsonl-'));
    const target = createTarget('jsonl', { outDir: out, assetLayout: 'shared' });
    await target.writePost(post);
    await target.abort();
    expect(await listFiles(out)).toEqual([]);
  });
});

describe('jsonl target under concurrency', () => {
  it('keeps every line when many posts finish at once', async () => {
    const out = await mkdtemp(join(tmpdir(), 'te-jsonl-'));
    const target = createTarget('jsonl', { outDir: out, assetLayout: 'shared' });
    const ids = Array.from({ length: 50 }, (_, index) => String(index + 1));
    await Promise.all([...ids].reverse().map((id) => target.writePost({ ...post, id, meta: { ...meta, id } })));
    await target.finish();
    const lines = (await readFile(join(out, 'posts.jsonl'), 'utf8')).trimEnd().split('\n');
    // In post-id order (2 before 10), however the writes finished.
    expect(lines.map((line) => JSON.parse(line).id)).toEqual(ids);
  });
});

describe('jsonl target on a failing disk', () => {
  it('reports a write error from finish() instead of crashing the process', async () => {
    const out = await mkdtemp(join(tmpdir(), 'te-jsonl-'));
    // A folder where the temp file should go makes every write fail, as a full or broken disk would.
    await mkdir(join(out, `posts.jsonl.${process.pid}.tmp`));
    const target = createTarget('jsonl', { outDir: out, assetLayout: 'shared' });
    await target.writePost(post).catch(() => {});
    await expect(target.finish()).rejects.toThrow(/EISDIR/);
    expect(await listFiles(out)).not.toContain('posts.jsonl');
  });
});

describe('writeFileAtomic', () => {
  it('leaves a file that already holds the same bytes untouched, and replaces one that differs', async () => {
    const out = await mkdtemp(join(tmpdir(), 'te-atomic-'));
    const file = join(out, 'a.md');
    await writeFileAtomic(file, '같은 내용\n');
    const past = new Date('2020-01-01T00:00:00Z');
    await utimes(file, past, past);
    await writeFileAtomic(file, '같은 내용\n');
    expect((await stat(file)).mtime.getTime()).toBe(past.getTime());
    await writeFileAtomic(file, '바뀐 내용\n');
    expect(await readFile(file, 'utf8')).toBe('바뀐 내용\n');
    expect(await listFiles(out)).toEqual(['a.md']);
  });
});
