// A backup read without --blog-url names no blog, and blogs' post ids are counters that overlap: another
// blog's backup exported into the folder would have its posts taken for the folder's own ("unchanged",
// never written). The run records which posts (ids and titles) the backup held, and a backup whose posts
// are not those is refused as another blog's, as a folder holding another blog's live export is.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { exportBlog } from '../../src/export.js';
import { exportSnapshot } from '../helpers/export-process.js';
import {
  backupFiles,
  missingFilesPostFiles,
  tempFolder,
  writeFolder,
  writeZip,
  type BackupFileSpec,
} from '../backup/backup-fixture.js';

/** The same post folders and ids with other titles: another blog's backup, as ids overlap across blogs. */
function anotherBlogs(files: readonly BackupFileSpec[]): BackupFileSpec[] {
  return files.map((file) => {
    if (!file.path.endsWith('.html')) return file;
    const html = file.body
      .toString('utf8')
      .replace(
        /(<title>|<h2 class="title-article">)([^<]*)/g,
        (_, tag: string, title: string) => `${tag}다른 블로그: ${title.length}자 제목`,
      );
    return { ...file, body: Buffer.from(html) };
  });
}

/** One post retitled and one post added: the same blog's backup, taken months later. */
function laterBackup(files: readonly BackupFileSpec[]): BackupFileSpec[] {
  const retitled = files.map((file) =>
    file.path.endsWith('/101/101.html')
      ? { ...file, body: Buffer.from(file.body.toString('utf8').replaceAll('venv 사용법', 'venv 사용법 (2025년판)')) }
      : file,
  );
  return [...retitled, ...missingFilesPostFiles()];
}

async function cli(argv: string[]) {
  const err: string[] = [];
  const code = await runCli(argv, {
    stdout: { write: () => true },
    stderr: { write: (chunk: string) => (err.push(chunk), true) },
  });
  return { code, stderr: err.join('') };
}

const outFolder = () => mkdtemp(join(tmpdir(), 'te-backup-identity-'));

describe("another blog's backup into a folder that holds a backup export", () => {
  it('is refused as another blog, in one line, and the folder is left as it was', async () => {
    const blogA = await writeFolder(await tempFolder(), backupFiles());
    const blogB = await writeFolder(await tempFolder(), anotherBlogs(backupFiles()));
    const out = await outFolder();
    expect((await cli([blogA, '-o', out])).code).toBe(0);
    const before = await exportSnapshot(out);

    const refused = await cli([blogB, '-o', out]);
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^tistory-export: ${out} holds an export of another blog: post \\d+ is ".+" there and "다른 블로그: .+" in ${blogB} .*; choose another output folder$`,
        ),
      ),
    ]);
    expect(await exportSnapshot(out)).toEqual(before);
  });

  it('is refused whether either backup is a zip or a folder', async () => {
    const out = await outFolder();
    await exportBlog({ source: await writeZip(await tempFolder(), 'a.zip', backupFiles()), out });
    await expect(
      exportBlog({ source: await writeFolder(await tempFolder(), anotherBlogs(backupFiles())), out }),
    ).rejects.toThrow(/holds an export of another blog/);
    await expect(
      exportBlog({ source: await writeZip(await tempFolder(), 'b.zip', anotherBlogs(backupFiles())), out }),
    ).rejects.toThrow(/another blog/);
  });
});

describe("the same blog's backup into its folder", () => {
  it('is accepted again, as a zip or unpacked, and finds every post unchanged', async () => {
    const out = await outFolder();
    await exportBlog({ source: await writeZip(await tempFolder(), 'backup.zip', backupFiles()), out });
    const again = await exportBlog({ source: await writeFolder(await tempFolder(), backupFiles()), out });
    expect(again.changes?.unchanged).toHaveLength(4);
    expect(again.counts.ok).toBe(4);
  });

  it('is accepted when taken later, with a post retitled and one added', async () => {
    const out = await outFolder();
    await exportBlog({ source: await writeFolder(await tempFolder(), backupFiles()), out });
    const later = await exportBlog({ source: await writeFolder(await tempFolder(), laterBackup(backupFiles())), out });
    expect(later.changes?.added.map((post) => post.id)).toEqual(['88']);
    expect(later.counts.ok).toBe(5);
  });

  it('records the posts that tell it apart with the run', async () => {
    const out = await outFolder();
    await exportBlog({ source: await writeFolder(await tempFolder(), backupFiles()), out });
    const run = JSON.parse(await readFile(join(out, '.tistory-export', 'run.json'), 'utf8')) as {
      backupPosts?: Record<string, string>;
    };
    expect(run.backupPosts).toEqual({
      '42': '제주도 여행 첫째 날',
      '101': 'Python 가상환경: venv 사용법',
      '205': 'C++: 포인터 "정복" #1',
      '317': '분류 없는 사진 모음',
    });
  });
});

describe('a backup read without --blog-url, then with it', () => {
  it('is refused in words, not with the placeholder address', async () => {
    const backup = await writeFolder(await tempFolder(), backupFiles());
    const out = await outFolder();
    await exportBlog({ source: backup, out });
    const refused = await cli([backup, '-o', out, '--blog-url', 'https://myblog.tistory.com']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      `${out} holds an export of a backup read without --blog-url; choose another output folder for https://myblog.tistory.com`,
    );
    expect(refused.stderr).not.toContain('.invalid');
  });
});
