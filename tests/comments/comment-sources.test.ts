// Where `--comments` can and cannot get comments: through `--cache` / `--offline` like every other
// request, and, for a 데이터 백업 (which holds none), from the live blog that `--blog-url` names.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import type { CommentsDocument } from '../../src/comments/render.js';
import { startFixtureBlog, type FixtureBlog } from '../../demo/blog/fixture-blog.js';
import { startFixtureCdn, type FixtureCdn } from '../../demo/blog/fixture-cdn.js';
import { exportBlog } from '../../src/export.js';
import type { Manifest } from '../../src/types.js';
import { backupPage, tempFolder, writeFolder } from '../backup/backup-fixture.js';
import { captureIo } from '../helpers/capture-io.js';

let blog: FixtureBlog;
let cdn: FixtureCdn;
beforeAll(async () => {
  [blog, cdn] = await Promise.all([startFixtureBlog({ failFirst: {} }), startFixtureCdn()]);
});
afterAll(async () => {
  await Promise.all([blog.close(), cdn.close()]);
});

const newFolder = (name: string) => mkdtemp(join(tmpdir(), `te-comments-${name}-`));

async function cli(args: string[]) {
  const { out, err, io } = captureIo();
  const before = blog.requests.length;
  const code = await runCli([...args, '--rate', '0', '--retries', '0'], io, { hostMap: cdn.hostMap });
  return { code, stdout: out.join(''), stderr: err.join(''), requests: blog.requests.slice(before) };
}

async function jsonlComments(outDir: string): Promise<Record<string, unknown>> {
  const lines = (await readFile(join(outDir, 'posts.jsonl'), 'utf8')).trimEnd().split('\n');
  const records = lines.map((line) => JSON.parse(line) as { id: string; comments?: unknown });
  return Object.fromEntries(records.map((record) => [record.id, record.comments ?? 'absent']));
}

describe('--comments with --cache and --offline', () => {
  it('answers the comment API from the cache offline, and a failure the cache never kept stays a warning', async () => {
    const cache = await newFolder('cache');
    const online = await newFolder('online');
    const first = await cli([blog.url, '-o', online, '-f', 'jsonl', '--comments', 'json', '--cache', cache]);
    expect(first.code, first.stderr).toBe(0);

    const offline = await newFolder('offline');
    const second = await cli([
      blog.url,
      '-o',
      offline,
      '-f',
      'jsonl',
      '--comments',
      'json',
      '--cache',
      cache,
      '--offline',
    ]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.requests).toEqual([]);
    expect(await jsonlComments(offline)).toEqual(await jsonlComments(online));

    const manifest = JSON.parse(await readFile(join(offline, 'manifest.json'), 'utf8')) as Manifest;
    // The 500 was not cached (a moment's trouble, not the answer), so offline it is not there at all.
    expect(manifest.posts.find((post) => post.id === '7')!.warnings).toEqual([
      `comments not fetched (not in the cache (--offline): ${blog.url}/m/api/7/comment?startId=); the post is exported without them`,
    ]);
  });
});

describe('--comments with a 데이터 백업 as the source', () => {
  async function backupFolder(): Promise<string> {
    const page = (title: string, date: string) =>
      Buffer.from(
        backupPage({ title, category: '개발/Python', date, body: `<p data-ke-size="size16">${title}</p>`, tags: '' }),
      );
    return writeFolder(await tempFolder(), [
      { path: 'backup/41/41.html', body: page('Python으로 CSV 파일 다루기', '2025-04-12 21:30:05') },
      { path: 'backup/22/22.html', body: page('자주 쓰는 단축키 메모', '2024-01-09 12:04:47') },
    ]);
  }

  it('asks the blog that --blog-url names for the comments, and nothing else', async () => {
    const out = await newFolder('backup');
    const run = await cli([
      await backupFolder(),
      '-o',
      out,
      '-f',
      'markdown,jsonl',
      '--blog-url',
      blog.url,
      '--comments',
      'json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.requests.sort()).toEqual(['/m/api/22/comment?startId=', '/m/api/41/comment?startId=', '/robots.txt']);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
    const csv = manifest.posts.find((post) => post.id === '41')!;
    const document = JSON.parse(
      await readFile(join(out, csv.files.find((file) => file.endsWith('.comments.json'))!), 'utf8'),
    ) as CommentsDocument;
    expect(document.post).toEqual({ id: '41', url: `${blog.url}/41` });
    expect(document.count).toBe(3);
    expect(document.comments.map((comment) => comment.author.name)).toEqual(['지나가는개발자', '비밀손님']);
    expect((await jsonlComments(out))['22']).toEqual([]);
  });

  it('is refused without --blog-url, in one line, before anything is written', async () => {
    const out = await newFolder('backup-refused');
    const run = await cli([await backupFolder(), '-o', out, '--comments', 'section']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'tistory-export: --comments with a backup needs --blog-url: a backup holds no comments, they are asked from the blog itself\n',
    );
    await expect(exportBlog({ source: await backupFolder(), out, comments: 'json' })).rejects.toThrow(
      /--comments with a backup needs --blog-url/,
    );
    await expect(readFile(join(out, 'manifest.json'))).rejects.toThrow(/ENOENT/);
  });
});
