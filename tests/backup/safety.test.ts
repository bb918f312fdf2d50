import { readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackup, type BackupPost } from '../../src/backup/index.js';
import { normaliseEntryPath } from '../../src/backup/entry-path.js';
import { backupPage, pngBytes, renameEntries, tempFolder, writeFolder, zipBuffer } from './backup-fixture.js';

let folder: string;

beforeAll(async () => {
  folder = await tempFolder();
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const PAGE = backupPage({
  title: '안전한 글',
  category: '일상',
  date: '2025-03-01 08:00:00',
  body: '<p data-ke-size="size16">본문입니다.</p><p><figure class="imageblock"><span data-url="./img/a.png"><img src="./img/a.png" /></span></figure></p><p><img src="../../../../etc/passwd" /></p>',
});

async function postsOf(path: string): Promise<{ posts: BackupPost[]; refused: readonly string[] }> {
  const backup = await openBackup(path);
  try {
    const posts: BackupPost[] = [];
    for await (const post of backup.posts()) posts.push(post);
    return { posts, refused: backup.refusedEntries };
  } finally {
    await backup.close();
  }
}

describe('backup entry names', () => {
  it('refuses names that would leave the backup', () => {
    for (const name of [
      '../evil.html',
      'a/../../evil',
      '/etc/passwd',
      'C:\\Windows\\x',
      '..\\..\\x',
      'a//b',
      'a/\u0000b',
    ]) {
      expect(normaliseEntryPath(name), name).toBeNull();
    }
    expect(normaliseEntryPath('./12/img\\사진.png')).toBe('12/img/사진.png');
    // NFD (macOS) and NFC spellings of one Hangul name are one file.
    expect(normaliseEntryPath('12/img/사진.png'.normalize('NFD'))).toBe('12/img/사진.png');
  });

  it('skips zip entries named ../ or absolute, and a body cannot reach outside its folder', async () => {
    const built = await zipBuffer([
      { path: '7/7.html', body: Buffer.from(PAGE) },
      { path: '7/img/a.png', body: pngBytes('a') },
      { path: 'xx/xx/evil.html', body: Buffer.from(PAGE) },
      { path: 'yyyyyyyy/7.html', body: Buffer.from('<p>absolute</p>') },
    ]);
    const crafted = renameEntries(
      renameEntries(built, 'xx/xx/evil.html', Buffer.from('../../evil.html')),
      'yyyyyyyy/7.html',
      Buffer.from('/tmp/x/7.html'.padEnd(15, 'l')),
    );
    const path = join(folder, 'slip.zip');
    await writeFile(path, crafted);
    const { posts, refused } = await postsOf(path);
    expect(refused).toEqual(['../../evil.html', '/tmp/x/7.htmlll']);
    expect(posts.map((post) => post.page.htmlPath)).toEqual(['7/7.html']);
    const post = posts[0]!;
    expect(post.files.map((file) => file.path)).toEqual(['7/img/a.png']);
    expect(post.warnings).toEqual(['the body refers to ../../../../etc/passwd, which the backup does not have']);
  });

  it('reads Hangul names a Korean Windows zip tool stored in CP949', async () => {
    // "사진" in CP949 is 4 bytes, as is "abcd".
    const cp949 = Buffer.from([0xbb, 0xe7, 0xc1, 0xf8]);
    const page = backupPage({
      title: '사진',
      category: '',
      date: '2020-01-01 10:00:00',
      body: '<p><img src="./img/사진.png"></p>',
    });
    const built = await zipBuffer([
      { path: '9/9.html', body: Buffer.from(page) },
      { path: '9/img/abcd.png', body: pngBytes('cp949') },
    ]);
    const path = join(folder, 'cp949.zip');
    await writeFile(
      path,
      renameEntries(built, '9/img/abcd.png', Buffer.concat([Buffer.from('9/img/'), cp949, Buffer.from('.png')]), {
        clearUtf8Flag: true,
      }),
    );
    const { posts } = await postsOf(path);
    expect(posts[0]!.files.map((file) => [file.name, file.referenced])).toEqual([['사진.png', true]]);
    expect((await openAndRead(path, '9/img/사진.png')).equals(pngBytes('cp949'))).toBe(true);
  });

  it('does not follow a symbolic link out of an unpacked backup', async () => {
    const root = await writeFolder(join(folder, 'linked'), [
      { path: '7/7.html', body: Buffer.from(PAGE) },
      { path: '7/img/a.png', body: pngBytes('a') },
    ]);
    const secret = join(folder, 'secret.txt');
    await writeFile(secret, 'password');
    await symlink(secret, join(root, '7', 'img', 'secret.png'));
    const { posts } = await postsOf(root);
    expect(posts[0]!.files.map((file) => file.name)).toEqual(['a.png']);
    expect(await readFile(secret, 'utf8')).toBe('password');
  });
});

async function openAndRead(zipPath: string, path: string): Promise<Buffer> {
  const backup = await openBackup(zipPath);
  try {
    const response = await backup.fetcher.get(
      `https://tistory-backup.invalid/files/${path.split('/').map(encodeURIComponent).join('/')}`,
    );
    return response.body;
  } finally {
    await backup.close();
  }
}
