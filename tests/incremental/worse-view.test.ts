// A nightly backup made with the owner's cookie, run again without it (or with an expired one): the
// posts only the owner can read now show a password form. That view must not replace their export:
// the folder keeps it, the manifest and changes.json say why, and the run exits 1. Only
// --accept-losses lets the poorer view in.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { startFixtureBlog, type FixtureBlog } from '../../demo/blog/fixture-blog.js';
import { startFixtureCdn, type FixtureCdn } from '../../demo/blog/fixture-cdn.js';
import { loadFixtureBlog, type FixtureBlogData } from '../../demo/blog/fixture-data.js';
import type { ChangeReport, Manifest, ManifestEntry } from '../../src/types.js';
import { captureIo } from '../helpers/capture-io.js';

const SESSION = 'TSSESSION=owner-session-77c1e0';
/** 33 is protected on the fixture blog; the owner locked two more since. */
const OWNER_ONLY = ['33', '36', '41'];
const NOW_PROTECTED = 'kept: now protected for this visitor';

let data: FixtureBlogData;
let blog: FixtureBlog;
let cdn: FixtureCdn;

beforeAll(async () => {
  data = await loadFixtureBlog();
  data.posts = data.posts.map((post) => (OWNER_ONLY.includes(post.id) ? { ...post, state: 'protected' } : post));
  [blog, cdn] = await Promise.all([
    startFixtureBlog({ blog: data, failFirst: {}, ownerCookie: SESSION }),
    startFixtureCdn(),
  ]);
});

afterAll(async () => {
  await Promise.all([blog?.close(), cdn?.close()]);
});

async function exportTo(outDir: string, ...extra: string[]) {
  const { out, err, io } = captureIo();
  const code = await runCli(
    [blog.url, '-o', outDir, '-f', 'markdown,jsonl', '--rate', '0', '--concurrency', '4', ...extra],
    io,
    {
      hostMap: cdn.hostMap,
    },
  );
  const read = (file: string) => readFile(join(outDir, file), 'utf8');
  const manifest = JSON.parse(await read('manifest.json')) as Manifest;
  const jsonl = (await read('posts.jsonl'))
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string; status: string; markdown: string | null; tags: string[] });
  return {
    code,
    stdout: out.join(''),
    stderr: err.join(''),
    manifest,
    changes: JSON.parse(await read('changes.json')) as ChangeReport,
    jsonl: new Map(jsonl.map((record) => [record.id, record])),
    markdown: async (id: string) => read(markdownFile(manifest, id)),
  };
}

type Run = Awaited<ReturnType<typeof exportTo>>;

function entryOf(manifest: Manifest, id: string): ManifestEntry {
  const entry = manifest.posts.find((post) => post.id === id);
  expect(entry, `post ${id} in the manifest`).toBeDefined();
  return entry!;
}

function markdownFile(manifest: Manifest, id: string): string {
  const file = entryOf(manifest, id).files.find((path) => path.endsWith('.md'));
  expect(file, `the .md of post ${id} in the manifest`).toBeDefined();
  return file!;
}

const ids = (posts: { id: string }[]) => posts.map((post) => post.id);

describe("a re-run without the owner's cookie", () => {
  const outDir = mkdtemp(join(tmpdir(), 'te-worse-view-'));
  let withCookie: Run;

  beforeAll(async () => {
    withCookie = await exportTo(await outDir, '--cookie', SESSION);
    expect(withCookie.code, withCookie.stderr).toBe(0);
    for (const id of OWNER_ONLY) expect(entryOf(withCookie.manifest, id).status).toBe('ok');
  }, 60_000);

  it('--full keeps what the cookie exported, marks those posts kept and exits 1', async () => {
    const run = await exportTo(await outDir, '--full');
    expect(run.code, run.stderr).toBe(1);
    for (const id of OWNER_ONLY) {
      const entry = entryOf(run.manifest, id);
      expect(entry.status).toBe('ok');
      expect(entry.files).toEqual(entryOf(withCookie.manifest, id).files);
      expect(entry.warnings?.at(-1)).toBe(NOW_PROTECTED);
      expect(await run.markdown(id)).toBe(await withCookie.markdown(id));
      expect(run.jsonl.get(id)).toEqual(withCookie.jsonl.get(id));
      expect(run.jsonl.get(id)?.markdown).toBeTruthy();
    }
    expect(run.changes.kept.map((post) => [post.id, post.status, post.error])).toEqual(
      OWNER_ONLY.map((id) => [id, 'ok', NOW_PROTECTED]),
    );
    for (const id of OWNER_ONLY) expect(ids(run.changes.updated)).not.toContain(id);
    expect(run.changes.failed).toEqual([]);
    expect(run.stdout).toMatch(/Changes: .*3 kept/);
    expect(run.stdout).toContain(`33\t`);
    expect(run.stdout).toMatch(/3 posts now show less than the export, which is kept.*--accept-losses/);
  });

  it('a plain re-run sent back to an owner-only post by the sitemap keeps it too', async () => {
    data.posts = data.posts.map((post) =>
      post.id === '36' ? { ...post, modified: '2025-04-19T09:00:00+09:00' } : post,
    );
    const before = await withCookie.markdown('36');
    const run = await exportTo(await outDir);
    expect(run.code, run.stderr).toBe(1);
    expect(ids(run.changes.kept)).toEqual(['36']);
    expect(run.changes.updated).toEqual([]);
    expect(entryOf(run.manifest, '36').warnings?.at(-1)).toBe(NOW_PROTECTED);
    expect(await run.markdown('36')).toBe(before);
    expect(run.jsonl.get('36')?.status).toBe('ok');
  });

  it('--accept-losses writes what the visitor sees: metadata only, exit 0', async () => {
    const run = await exportTo(await outDir, '--full', '--accept-losses');
    expect(run.code, run.stderr).toBe(0);
    for (const id of OWNER_ONLY) {
      const entry = entryOf(run.manifest, id);
      expect(entry.status).toBe('protected');
      expect(entry.warnings).toBeUndefined();
      expect(run.jsonl.get(id)).toMatchObject({ status: 'protected', markdown: null });
    }
    expect(run.changes.kept).toEqual([]);
    expect(ids(run.changes.updated)).toEqual(expect.arrayContaining(OWNER_ONLY));
  });
});
