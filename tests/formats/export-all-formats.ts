// One export of the fixture blog into every format, shared by the tests of this folder.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run.js';
import { startFixtureBlog } from '../../demo/blog/fixture-blog.js';
import { startFixtureCdn } from '../../demo/blog/fixture-cdn.js';
import { FORMATS } from '../../src/names.js';

/** Every format that writes files: wordpress publishes to a site (tests/wordpress). */
export const FILE_FORMATS = FORMATS.filter((format) => format !== 'wordpress');
import type { Manifest, ManifestEntry, PostKind } from '../../src/types.js';

export interface FormatsRun {
  code: number;
  stderr: string;
  outDir: string;
  blogUrl: string;
  manifest: Manifest;
  /** Exported posts (`ok`), with their slugs read from the Markdown file names and their kind from posts.jsonl. */
  okPosts: (ManifestEntry & { slug: string; type: PostKind })[];
  read(file: string): Promise<string>;
  close(): Promise<void>;
}

export async function exportAllFormats(...extra: string[]): Promise<FormatsRun> {
  const cdn = await startFixtureCdn();
  const blog = await startFixtureBlog({ failFirst: {} });
  const outDir = await mkdtemp(join(tmpdir(), 'te-formats-'));
  const err: string[] = [];
  const io = {
    stdout: { write: () => true },
    stderr: { write: (chunk: string) => (err.push(chunk), true) },
  };
  const code = await runCli(
    [blog.url, '-o', outDir, '--rate', '0', '--concurrency', '4', '-f', FILE_FORMATS.join(','), ...extra],
    io,
    {
      hostMap: cdn.hostMap,
    },
  );
  const read = (file: string) => readFile(join(outDir, file), 'utf8');
  const manifest = JSON.parse(await read('manifest.json')) as Manifest;
  const kinds = new Map(
    (await read('posts.jsonl'))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; type: PostKind })
      .map((record) => [record.id, record.type]),
  );
  const okPosts = manifest.posts
    .filter((post) => post.status === 'ok')
    .map((post) => {
      const markdownFile = post.files.find((file) => file.startsWith('markdown/'))!;
      return { ...post, slug: markdownFile.slice('markdown/'.length, -'.md'.length), type: kinds.get(post.id)! };
    });
  return {
    code,
    stderr: err.join(''),
    outDir,
    blogUrl: blog.url,
    manifest,
    okPosts,
    read,
    close: async () => {
      await blog.close();
      await cdn.close();
    },
  };
}
