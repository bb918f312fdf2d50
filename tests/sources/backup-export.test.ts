// Tistory's "데이터 백업" as the source of a whole export: the zip (or its folder) goes through the
// same pipeline and formats as a live blog, with no network, and every file of its img folders is
// copied into the output.

import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { exportBlog } from '../../src/export.js';
import type { Manifest } from '../../src/types.js';
import { backupFiles, missingFilesPostFiles, tempFolder, writeFolder, writeZip } from '../backup/backup-fixture.js';

async function outFolder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'tistory-backup-out-'));
}

function sink() {
  let text = '';
  const write = (chunk: string) => {
    text += chunk;
    return true;
  };
  return { stream: { write, isTTY: false }, text: () => text };
}

describe('a backup zip as the source', () => {
  it('exports every post of the zip through the CLI, with the images copied and old URLs on --blog-url', async () => {
    const zip = await writeZip(await tempFolder(), 'backup.zip', backupFiles());
    const out = await outFolder();
    const stdout = sink();
    const stderr = sink();
    const code = await runCli([zip, '-o', out, '-f', 'markdown,jsonl', '--blog-url', 'https://myblog.tistory.com'], {
      stdout: stdout.stream,
      stderr: stderr.stream,
    });
    expect(stderr.text()).not.toMatch(/\] failed/);
    expect(code).toBe(0);

    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.posts.map((post) => [post.id, post.status, post.url]).sort()).toEqual([
      ['101', 'ok', 'https://myblog.tistory.com/101'],
      ['205', 'ok', `https://myblog.tistory.com/entry/${encodeURIComponent('C++-포인터-정복-1')}`],
      ['317', 'ok', 'https://myblog.tistory.com/317'],
      ['42', 'ok', 'https://myblog.tistory.com/42'],
    ]);

    const assets = await readdir(join(out, 'assets'));
    // Five images the bodies show, plus the one of post 317 that no body shows any more.
    expect(assets).toHaveLength(6);
    expect(assets.some((name) => name.startsWith('unused'))).toBe(true);
    const grid = manifest.posts.find((post) => post.id === '317')!;
    expect(grid.warnings?.join('\n')).toMatch(/없는파일\.png/);

    const jsonl = (await readFile(join(out, 'posts.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const venv = jsonl.find((post) => post['id'] === '101')!;
    expect(venv['title']).toBe('Python 가상환경: venv 사용법');
    const venvFile = manifest.posts.find((post) => post.id === '101')!.files.find((file) => file.endsWith('.md'))!;
    const markdown = await readFile(join(out, venvFile), 'utf8');
    expect(markdown).toContain('python -m venv .venv');
    expect(markdown).toMatch(/!\[[^\]]*\]\([^)]*assets\/venv[^)]*\.png/);
    expect(markdown).not.toContain('tistory-backup.invalid');
    expect(markdown).not.toContain('728x90');

    const redirects = await readdir(out);
    expect(redirects.join(' ')).toMatch(/redirect/i);
  });

  it('copies the backup files under --images remote too, and needs no --blog-url', async () => {
    const folder = await writeFolder(await tempFolder(), backupFiles());
    const out = await outFolder();
    const result = await exportBlog({ source: folder, out, images: 'remote' });
    expect(result.counts.ok).toBe(4);
    const post = result.manifest.posts.find((entry) => entry.id === '42')!;
    expect(post.assets?.every((asset) => asset.file !== undefined)).toBe(true);
    const file = post.files.find((path) => path.endsWith('.md'))!;
    const markdown = await readFile(join(out, file), 'utf8');
    expect(markdown).toMatch(/\]\([^)]*assets\/[^)]*\.jpg\)/);
  });

  it('copies a file a post links to by name under every --images mode, and links the copy', async () => {
    const folder = await writeFolder(await tempFolder(), [...backupFiles(), ...missingFilesPostFiles()]);
    for (const images of ['download', 'remote', 'none'] as const) {
      const out = await outFolder();
      const result = await exportBlog({ source: folder, out, images, blogUrl: 'https://myblog.tistory.com' });
      const post = result.manifest.posts.find((entry) => entry.id === '88')!;
      const markdown = await readFile(join(out, post.files.find((path) => path.endsWith('.md'))!), 'utf8');
      expect(markdown, images).toMatch(/\[입장권 안내\]\(\.\.\/assets\/입장권-[0-9a-f]+\.pdf\)/);
      expect(markdown, images).not.toContain('tistory-backup.invalid');
    }
  });

  it('refuses a backup with --cookie, and --blog-url with a URL source', async () => {
    const folder = await writeFolder(await tempFolder(), backupFiles());
    await expect(exportBlog({ source: folder, out: await outFolder(), cookie: 'a=b' })).rejects.toThrow(/--cookie/);
    await expect(
      exportBlog({ source: 'https://myblog.tistory.com', out: await outFolder(), blogUrl: 'https://x.tistory.com' }),
    ).rejects.toThrow(/--blog-url/);
  });
});

describe('a backup into WordPress', () => {
  it('points every image and file at --files-url, where the importer can download them', async () => {
    const folder = await writeFolder(await tempFolder(), backupFiles());
    const out = await outFolder();
    const stderr = sink();
    const code = await runCli([folder, '-o', out, '-f', 'wxr', '--files-url', 'https://files.example.com/old-blog'], {
      stdout: sink().stream,
      stderr: stderr.stream,
    });
    expect(code, stderr.text()).toBe(0);
    const xml = await readFile(join(out, 'wxr/wordpress.xml'), 'utf8');
    // No file is left at the backup's placeholder address (posts without --blog-url keep theirs).
    expect(xml).not.toContain('tistory-backup.invalid/files/');
    const attachmentUrls = [...xml.matchAll(/<wp:attachment_url><!\[CDATA\[([^\]]+)\]\]>/g)].map((match) => match[1]!);
    // Every stored file, the one no body shows included, once.
    expect(attachmentUrls).toHaveLength((await readdir(join(out, 'assets'))).length);
    for (const url of attachmentUrls) {
      expect(url.startsWith('https://files.example.com/old-blog/assets/')).toBe(true);
      // What the importer will fetch is a file of the output folder served at that address.
      await readFile(join(out, decodeURIComponent(url.slice('https://files.example.com/old-blog/'.length))));
    }
    // Neither the backup nor a --blog-url names the blog: no placeholder host as its title.
    expect(xml).toContain('<title>Tistory blog</title>');
    const shown = attachmentUrls.filter((url) => xml.includes(`src="${url}"`));
    expect(shown.length).toBeGreaterThanOrEqual(5);
  });

  it('refuses -f wxr from a backup without --files-url, and --files-url without wxr, in one line each', async () => {
    const folder = await writeFolder(await tempFolder(), backupFiles());
    for (const args of [
      ['-f', 'markdown,wxr'],
      ['-f', 'markdown', '--files-url', 'https://files.example.com/'],
      ['-f', 'wxr', '--files-url', 'ftp://files.example.com/'],
    ]) {
      const out = await outFolder();
      const stderr = sink();
      const code = await runCli([folder, '-o', out, ...args], { stdout: sink().stream, stderr: stderr.stream });
      expect(code).not.toBe(0);
      expect(stderr.text().trim().split('\n')).toHaveLength(1);
      expect(stderr.text()).toMatch(/--files-url/);
      expect(await readdir(out)).toEqual([]);
    }
  });
});
