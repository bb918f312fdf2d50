// Real backups name `./img/` files their folder does not hold. Such a reference stays as the author
// wrote it, with its alt text, in every format; it is never resolved into an address that does not exist
// (the backup's placeholder host, or the blog's `/img/…`), and each missing file is listed once.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openBackup } from '../../src/backup/index.js';
import { serialiseBody } from '../../src/extract/index.js';
import { runCli } from '../../src/cli/run.js';
import type { Manifest, ManifestEntry } from '../../src/types.js';
import { captureIo } from '../helpers/capture-io.js';
import { listFiles } from '../helpers/golden.js';
import { backupFiles, missingFilesPostFiles, tempFolder, writeFolder } from './backup-fixture.js';

const BLOG_URL = 'https://myblog.tistory.com';
const FORMATS = 'markdown,hugo,jekyll,hexo,astro,obsidian,wxr,ghost,jsonl';
const MISSING_PDF = './img/%EC%82%B0%EC%B1%85%EC%A7%80%EB%8F%84.pdf';
/** Text the output is read as; images and copied files are compared by nobody here. */
const TEXT_FILE = /\.(?:md|json|jsonl|xml|csv|txt|toml|ya?ml|conf|html)$|(?:^|\/)_redirects$/;

interface Run {
  out: string;
  code: number;
  stdout: string;
  stderr: string;
  manifest: Manifest;
}

let source: string;
beforeAll(async () => {
  source = await writeFolder(await tempFolder(), [...backupFiles(), ...missingFilesPostFiles()]);
});

async function exportBackup(out: string, ...extra: string[]): Promise<Run> {
  const { io, out: stdout, err } = captureIo();
  const code = await runCli(
    [source, '-o', out, '-f', FORMATS, '--files-url', 'https://files.example.com/old-blog', ...extra],
    io,
  );
  const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
  return { out, code, stdout: stdout.join(''), stderr: err.join(''), manifest };
}

function entry(run: Run, id: string): ManifestEntry {
  const found = run.manifest.posts.find((post) => post.id === id);
  if (!found) throw new Error(`post ${id} is not in the manifest`);
  return found;
}

/**
 * Every text file the formats wrote (the manifest and the folder's own state aside), by path. A
 * posts.jsonl record's `assets[].url` names each stored file by where it was read from, not where a
 * reader finds it (that is `file`): left out, the rest of the record is checked.
 */
async function writtenText(out: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const file of await listFiles(out)) {
    if (
      file.startsWith('.tistory-export/') ||
      file === 'manifest.json' ||
      file === 'changes.json' ||
      !TEXT_FILE.test(file)
    )
      continue;
    const text = await readFile(join(out, file), 'utf8');
    texts.set(file, file === 'posts.jsonl' ? withoutAssetSources(text) : text);
  }
  return texts;
}

function withoutAssetSources(jsonl: string): string {
  return jsonl
    .trimEnd()
    .split('\n')
    .map((line) => {
      const record = JSON.parse(line) as { assets?: { url: string }[] };
      return JSON.stringify({ ...record, assets: (record.assets ?? []).map(({ url: _url, ...asset }) => asset) });
    })
    .join('\n');
}

async function markdownOf(run: Run, id: string): Promise<string> {
  const file = entry(run, id).files.find((path) => path.startsWith('markdown/'))!;
  return readFile(join(run.out, file), 'utf8');
}

describe('a file the backup lacks, with --blog-url', () => {
  let run: Run;
  beforeAll(async () => {
    run = await exportBackup(await mkdtemp(join(tmpdir(), 'te-backup-missing-')), '--blog-url', BLOG_URL);
  });

  it('keeps the reference as written, with its alt, and links a file it has to the stored copy', async () => {
    expect(run.code, run.stderr).toBe(0);
    const markdown = await markdownOf(run, '88');
    expect(markdown.match(/!\[노을 진 바닷가\]\(\.\/img\/photo\.jpg\)/g)).toHaveLength(2);
    expect(markdown).toContain(`[산책 지도](${MISSING_PDF})`);
    expect(markdown).toMatch(/\[입장권 안내\]\(\.\.\/assets\/입장권-[0-9a-f]+\.pdf\)/);
    expect(await markdownOf(run, '317')).toContain('![](./img/없는파일.png)');
  });

  it('writes no invented address in any format', async () => {
    for (const [file, text] of await writtenText(run.out)) {
      expect(text, file).not.toContain('tistory-backup.invalid');
      expect(text, file).not.toContain(`${BLOG_URL}/img/`);
    }
    const wxr = await readFile(join(run.out, 'wxr/wordpress.xml'), 'utf8');
    expect(wxr).toContain('src="./img/photo.jpg"');
    // WordPress could download nothing from a reference that is not an address: no attachment for it.
    expect(wxr).not.toMatch(/<wp:attachment_url><!\[CDATA\[\.\/img\//);
    const ghost = await readFile(join(run.out, 'ghost/ghost-import.json'), 'utf8');
    expect(ghost).toContain('./img/photo.jpg');
  });

  it('lists each missing file once per post in the manifest, however often the body names it', () => {
    const missing = (id: string) =>
      (entry(run, id).assets ?? [])
        .filter((asset) => asset.file === undefined)
        .map((asset) => [asset.url, asset.kind, asset.error]);
    expect(missing('88')).toEqual([
      ['./img/photo.jpg', 'image', 'missing from the backup'],
      [MISSING_PDF, 'attachment', 'missing from the backup'],
    ]);
    expect(entry(run, '88').warnings).toEqual([
      'the body refers to ./img/photo.jpg, which the backup does not have',
      `the body refers to ${MISSING_PDF}, which the backup does not have`,
    ]);
    expect(missing('317')).toEqual([['./img/없는파일.png', 'image', 'missing from the backup']]);
    expect(entry(run, '317').warnings).toEqual([
      'the body refers to ./img/없는파일.png, which the backup does not have',
    ]);
  });

  it('lists each missing file once in the summary, not as a download to try again', () => {
    expect(run.stdout).not.toMatch(/not downloaded/);
    expect(run.stdout).toContain('Files the backup does not have (3), kept as the posts wrote them:');
    expect(run.stdout.split('\n').filter((line) => line.includes('photo.jpg'))).toEqual(['  88\t./img/photo.jpg']);
    expect(run.stdout.split('\n').filter((line) => line.includes('없는파일'))).toEqual(['  317\t./img/없는파일.png']);
  });

  it('gives posts.jsonl the reference as written and no placeholder in any body', async () => {
    const records = (await readFile(join(run.out, 'posts.jsonl'), 'utf8'))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const record of records) {
      const body = JSON.stringify([record['markdown'], record['html'], record['cover']]);
      expect(body, String(record['id'])).not.toContain('tistory-backup.invalid');
      expect(body, String(record['id'])).not.toContain(`${BLOG_URL}/img/`);
    }
    const post = records.find((record) => record['id'] === '88')!;
    expect(post['html']).toContain('<img src="./img/photo.jpg" alt="노을 진 바닷가">');
    expect(
      (post['assets'] as { url: string; file: string | null }[])
        .filter((asset) => asset.file === null)
        .map((asset) => asset.url),
    ).toEqual(['./img/photo.jpg', MISSING_PDF]);
  });

  it('leaves every post unchanged on the next run: a missing file never comes back', async () => {
    const again = await exportBackup(run.out, '--blog-url', BLOG_URL);
    expect(again.code, again.stderr).toBe(0);
    const changes = JSON.parse(await readFile(join(run.out, 'changes.json'), 'utf8')) as Record<
      string,
      { id: string }[]
    >;
    expect(changes['updated']).toEqual([]);
    expect(changes['unchanged']!.map((post) => post.id).sort()).toEqual(['101', '205', '317', '42', '88']);
  });
});

describe('a file the backup lacks, without --blog-url', () => {
  it('is not given the placeholder address the posts themselves have, nor are redirects written from them', async () => {
    const run = await exportBackup(await mkdtemp(join(tmpdir(), 'te-backup-missing-')));
    expect(run.code, run.stderr).toBe(0);
    const postUrls = run.manifest.posts.map((post) => post.url).sort((a, b) => b.length - a.length);
    for (const [file, text] of await writtenText(run.out)) {
      // Without --blog-url the blog's and its posts' own addresses are the placeholder: nothing else may be under it.
      const rest = postUrls.reduce((remaining, url) => remaining.replaceAll(url, ''), text);
      expect(rest, file).not.toContain('tistory-backup.invalid/');
    }
    expect(await markdownOf(run, '88')).toContain('![노을 진 바닷가](./img/photo.jpg)');
    // Redirects from placeholder addresses would lead nowhere: --blog-url gives the real ones.
    expect((await listFiles(run.out)).filter((file) => /redirect/i.test(file))).toEqual([]);
  });
});

describe('reading a page that names files the backup lacks', () => {
  it('warns once per missing file and lists only the files it has', async () => {
    const backup = await openBackup(source);
    try {
      const page = backup.pages.find((candidate) => candidate.id === '88')!;
      const post = await backup.read(page, serialiseBody);
      expect(post.warnings).toEqual([
        'the body refers to ./img/photo.jpg, which the backup does not have',
        `the body refers to ${MISSING_PDF}, which the backup does not have`,
      ]);
      expect(post.files.map((file) => [file.name, file.referenced])).toEqual([['입장권.pdf', true]]);
    } finally {
      await backup.close();
    }
  });
});
