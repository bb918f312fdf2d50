// `--out` names where the export goes; a mistyped one must not scatter format folders, assets and a
// manifest among someone's files. A folder of other files is refused unless --force; an empty or
// missing one, a fresh backup repository and a folder that holds exports of this tool are not.
// A backup read without --blog-url says once what the missing address costs.

import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { UsageError } from '../../src/errors.js';
import { exportBlog } from '../../src/export.js';
import { backupFiles, tempFolder, writeFolder } from '../backup/backup-fixture.js';
import { captureIo } from '../helpers/capture-io.js';
import { folderContents } from '../helpers/folder-contents.js';

const BLOG_URL = 'https://myblog.tistory.com';

async function cli(...argv: string[]) {
  const { out, err, io } = captureIo();
  const code = await runCli(argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

async function backupSource(): Promise<string> {
  return writeFolder(await tempFolder(), backupFiles());
}

async function writeFiles(dir: string, files: Record<string, string>): Promise<string> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

/** A Hugo site's root, with its own git repository: what a mistyped `--out .` lands in. */
const HUGO_SITE = {
  '.git/HEAD': 'ref: refs/heads/main\n',
  'hugo.toml': 'baseURL = "https://example.com/"\n',
  'content/posts/hello.md': '---\ntitle: Hello\n---\n\n내 글.\n',
  'markdown/notes.md': '내 메모.\n',
};

describe('an output folder holding other files', () => {
  it('is refused in one line with exit 2, on a real run and a dry run, and left untouched', async () => {
    const source = await backupSource();
    const outDir = await writeFiles(await mkdtemp(join(tmpdir(), 'te-foreign-')), HUGO_SITE);
    const before = await folderContents(outDir);
    for (const extra of [[], ['--dry-run']]) {
      const run = await cli(source, '-o', outDir, '--blog-url', BLOG_URL, ...extra);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `tistory-export: ${outDir} holds other files ("content", "hugo.toml", "markdown") and no earlier export of tistory-export; choose a new or empty folder, or add --force to export among them\n`,
      );
      expect(run.stdout).toBe('');
    }
    expect(await folderContents(outDir)).toEqual(before);
  });

  it('is exported into with --force, its files kept, and then taken as the export it holds', async () => {
    const source = await backupSource();
    const outDir = await writeFiles(await mkdtemp(join(tmpdir(), 'te-foreign-')), HUGO_SITE);
    const forced = await cli(source, '-o', outDir, '--blog-url', BLOG_URL, '--force');
    expect(forced.code, forced.stderr).toBe(0);
    for (const [path, text] of Object.entries(HUGO_SITE)) expect(await readFile(join(outDir, path), 'utf8')).toBe(text);
    expect(await readdir(join(outDir, 'markdown'))).toHaveLength(5);
    // The folder now holds an export of this tool: the next run needs no --force.
    const again = await cli(source, '-o', outDir, '--blog-url', BLOG_URL);
    expect(again.code, again.stderr).toBe(0);
  });

  it('names a few of many files, and does not count a manifest.json of another program as an export', async () => {
    const files = Object.fromEntries(['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt'].map((name) => [name, name]));
    const outDir = await writeFiles(await mkdtemp(join(tmpdir(), 'te-foreign-')), {
      ...files,
      'manifest.json': '{"name": "my-app", "version": 2}\n',
    });
    const run = await cli(await backupSource(), '-o', outDir, '--blog-url', BLOG_URL);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${outDir} holds other files ("a.txt", "b.txt", "c.txt" and 3 more) and no earlier export`,
    );
  });

  it('is refused by the library too, which takes force as an option', async () => {
    const source = await backupSource();
    const outDir = await writeFiles(await mkdtemp(join(tmpdir(), 'te-foreign-')), { 'notes.txt': '메모' });
    await expect(exportBlog({ source, out: outDir, blogUrl: BLOG_URL })).rejects.toThrow(UsageError);
    const result = await exportBlog({ source, out: outDir, blogUrl: BLOG_URL, force: true });
    expect(result.counts.ok).toBe(4);
    expect(await readFile(join(outDir, 'notes.txt'), 'utf8')).toBe('메모');
  });
});

describe('output folders that are free for an export', () => {
  it('takes a fresh backup repository: .git, .gitignore, README and LICENSE', async () => {
    const outDir = await writeFiles(await mkdtemp(join(tmpdir(), 'te-git-backup-')), {
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.git/config': '[core]\n',
      '.gitignore': 'node_modules/\n',
      'README.md': '# 내 블로그 백업\n',
      LICENSE: 'CC BY 4.0\n',
    });
    const run = await cli(await backupSource(), '-o', outDir, '--blog-url', BLOG_URL);
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(join(outDir, 'README.md'), 'utf8')).toBe('# 내 블로그 백업\n');
    expect(await readdir(join(outDir, 'markdown'))).toHaveLength(4);
  });

  it('takes a missing folder, and one holding only .gitkeep and other exports of this tool (output/ after npm run demo)', async () => {
    const source = await backupSource();
    const parent = await mkdtemp(join(tmpdir(), 'te-output-'));
    const output = join(parent, 'output');
    const demo = await cli(source, '-o', join(output, 'demo'), '--blog-url', BLOG_URL);
    expect(demo.code, demo.stderr).toBe(0);
    await writeFile(join(output, '.gitkeep'), '');
    const run = await cli(source, '-o', output, '--blog-url', BLOG_URL);
    expect(run.code, run.stderr).toBe(0);
  });
});

describe('a backup read without --blog-url', () => {
  const warning =
    "warning: no --blog-url: the posts' old addresses (source, manifest) are placeholders under https://tistory-backup.invalid, links naming the blog's address are not turned into links between the exported posts, and no redirect files are written; add --blog-url https://NAME.tistory.com for the real ones";

  it('warns once, in one line, on a real run and a dry run; with --blog-url it does not', async () => {
    const source = await backupSource();
    for (const extra of [[], ['--dry-run']]) {
      const run = await cli(source, '-o', await mkdtemp(join(tmpdir(), 'te-no-blog-url-')), ...extra);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr.split('\n').filter((line) => line.includes('--blog-url'))).toEqual([warning]);
    }
    const outDir = await mkdtemp(join(tmpdir(), 'te-no-blog-url-'));
    await cli(source, '-o', outDir);
    // What the warning says is what the export holds.
    const manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')) as { posts: { url: string }[] };
    expect(manifest.posts.every((post) => post.url.startsWith('https://tistory-backup.invalid/'))).toBe(true);
    expect((await readdir(outDir)).filter((name) => /redirect/i.test(name))).toEqual([]);

    const withUrl = await cli(source, '-o', await mkdtemp(join(tmpdir(), 'te-blog-url-')), '--blog-url', BLOG_URL);
    expect(withUrl.code, withUrl.stderr).toBe(0);
    expect(withUrl.stderr).not.toContain('--blog-url');
  });
});
