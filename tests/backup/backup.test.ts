import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKUP_ORIGIN,
  backupFileUrl,
  isBackupSource,
  openBackup,
  type Backup,
  type BackupPost,
} from '../../src/backup/index.js';
import { missingFileUrl } from '../../src/backup/backup-urls.js';
import { toMarkdown } from '../../src/convert/index.js';
import { FetchError } from '../../src/types.js';
import { BACKUP_ROOT, backupFiles, jpegBytes, pngBytes, tempFolder, writeFolder, writeZip } from './backup-fixture.js';

let folder: string;
let zipPath: string;
let unpackedPath: string;

beforeAll(async () => {
  folder = await tempFolder();
  zipPath = await writeZip(folder, '백업.zip', backupFiles());
  unpackedPath = await writeFolder(`${folder}/unpacked`, backupFiles());
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function readAll(backup: Backup): Promise<BackupPost[]> {
  const posts: BackupPost[] = [];
  for await (const post of backup.posts()) posts.push(post);
  return posts;
}

async function withBackup<T>(source: string, use: (backup: Backup) => Promise<T>, blogUrl?: string): Promise<T> {
  const backup = await openBackup(source, blogUrl ? { blogUrl } : {});
  try {
    return await use(backup);
  } finally {
    await backup.close();
  }
}

function okPost(posts: BackupPost[], id: string) {
  const post = posts.find((candidate) => candidate.page.id === id);
  if (post?.extraction.status !== 'ok') throw new Error(`post ${id} is not ok: ${JSON.stringify(post?.extraction)}`);
  return { post, extraction: post.extraction };
}

describe('official backup zip', () => {
  it('finds every post, in post id order, with ids from the folder names', async () => {
    const posts = await withBackup(zipPath, readAll);
    expect(posts.map((post) => post.page.id)).toEqual(['42', '101', '205', '317']);
    expect(posts.map((post) => post.extraction.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
  });

  it('reads title, KST date, category path and tags from the skeleton', async () => {
    const posts = await withBackup(zipPath, readAll);
    const { extraction } = okPost(posts, '101');
    expect(extraction.meta).toMatchObject({
      id: '101',
      url: `${BACKUP_ORIGIN}/101`,
      title: 'Python 가상환경: venv 사용법',
      published: '2025-06-02T16:27:20+09:00',
      updated: null,
      categories: ['개발', 'Python'],
      tags: ['파이썬', 'venv', '가상환경'],
    });
    expect(extraction.skin).toBe('backup');
    const pointer = okPost(posts, '205').extraction.meta;
    expect(pointer.title).toBe('C++: 포인터 "정복" #1');
    expect(pointer.categories).toEqual(['개발', 'C++', '기초']);
    expect(pointer.tags).toEqual(['c++', '포인터']);
    expect(okPost(posts, '42').extraction.meta.published).toBe('2012-08-15T09:05:00+09:00');
  });

  it('keeps a post with no tags and no category as such', async () => {
    const { extraction } = okPost(await withBackup(zipPath, readAll), '317');
    expect(extraction.meta.tags).toEqual([]);
    expect(extraction.meta.categories).toEqual([]);
    // 00:30 KST stays on its day.
    expect(extraction.meta.published).toBe('2024-01-09T00:30:05+09:00');
  });

  it('gives a slug-named page its /entry/ address and the numeric folder its id', async () => {
    const posts = await withBackup(zipPath, readAll, 'https://myblog.tistory.com/');
    const { post, extraction } = okPost(posts, '205');
    expect(post.page.slug).toBe('C++-포인터-정복-1');
    expect(extraction.meta.url).toBe(`https://myblog.tistory.com/entry/${encodeURIComponent('C++-포인터-정복-1')}`);
    expect(okPost(posts, '101').extraction.meta.url).toBe('https://myblog.tistory.com/101');
  });

  it('cleans the body: the writing stays, pasted ads and scripts go', async () => {
    const { extraction } = okPost(await withBackup(zipPath, readAll), '101');
    expect(extraction.bodyHtml).toContain('프로젝트마다 패키지 버전이 달라서 가상환경을 만든다.');
    expect(extraction.bodyHtml).toContain('data-ke-language="bash"');
    expect(extraction.bodyHtml).toContain('로 빠져나온다.');
    expect(extraction.bodyHtml).not.toMatch(/kakao_ad_area|revenue_unit_wrap|adsbygoogle|<script|<center/);
    // The skeleton around the body (title, date, tag box) is not part of it.
    expect(extraction.bodyHtml).not.toContain('title-article');
    expect(extraction.bodyHtml).not.toContain('#파이썬');
  });

  it('points the body at its local images and lists them with their bytes', async () => {
    await withBackup(zipPath, async (backup) => {
      const { post, extraction } = okPost(await readAll(backup), '101');
      const url = backupFileUrl(`${BACKUP_ROOT}/101/img/venv 실행화면.png`);
      expect(extraction.bodyHtml).toContain(`src="${url}"`);
      expect(extraction.bodyHtml).toContain(`data-url="${url}"`);
      expect(extraction.bodyHtml).toContain(`srcset="${url} 800w"`);
      expect(extraction.bodyHtml).not.toContain('./img/');
      expect(extraction.meta.cover).toBe(url);
      expect(post.files.map((file) => [file.name, file.referenced, file.url])).toEqual([
        ['venv 실행화면.png', true, url],
      ]);
      const bytes = await post.files[0]!.read();
      expect(bytes.equals(pngBytes('venv'))).toBe(true);
      expect(post.files[0]!.bytes).toBe(bytes.length);
      expect(post.warnings).toEqual([]);
    });
  });

  it('finds a percent-encoded Hangul image name and an old-editor image', async () => {
    await withBackup(zipPath, async (backup) => {
      const posts = await readAll(backup);
      const pointer = okPost(posts, '205');
      expect(pointer.post.files.map((file) => file.name)).toEqual(['메모리.jpg']);
      expect(pointer.extraction.bodyHtml).toContain(backupFileUrl(`${BACKUP_ROOT}/205/img/메모리.jpg`));
      const old = okPost(posts, '42');
      expect(old.extraction.bodyHtml).toContain('아침 일찍 김포공항에서 출발했다.');
      expect(old.extraction.bodyHtml).toContain('filename="성산일출봉.jpg"');
      expect((await old.post.files[0]!.read()).equals(jpegBytes('jeju'))).toBe(true);
    });
  });

  it('lets a post skip a file the size limit refuses, and reads nothing once closed', async () => {
    const limited = await openBackup(zipPath, { maxFileBytes: 12 });
    const posts = await readAll(limited);
    expect(posts.every((post) => post.extraction.status === 'ok')).toBe(true);
    await expect(okPost(posts, '101').post.files[0]!.read()).rejects.toThrow(/more than the 12 bytes/);
    await limited.close();
    const backup = await openBackup(zipPath);
    const image = okPost(await readAll(backup), '205').post.files[0]!;
    await backup.close();
    await expect(image.read()).rejects.toThrow();
  });

  it('reports an image the backup lacks and keeps one the body never shows', async () => {
    const { post, extraction } = okPost(await withBackup(zipPath, readAll), '317');
    expect(post.files.map((file) => [file.name, file.referenced])).toEqual([
      ['grid-1.png', true],
      ['grid-2.png', true],
      ['unused.png', false],
    ]);
    expect(post.warnings).toEqual(['the body refers to ./img/없는파일.png, which the backup does not have']);
    // Not left relative, where the post's address would make an invented URL of it: carried as written.
    expect(extraction.bodyHtml).toContain(
      `<span data-url="${missingFileUrl('./img/없는파일.png')}"><img src="${missingFileUrl('./img/없는파일.png')}">`,
    );
  });

  it('converts to Markdown that shows the local images', async () => {
    const { extraction } = okPost(await withBackup(zipPath, readAll), '101');
    const markdown = toMarkdown(extraction.bodyHtml, { baseUrl: extraction.meta.url });
    expect(markdown).toContain(backupFileUrl(`${BACKUP_ROOT}/101/img/venv 실행화면.png`).replace(/ /g, '%20'));
    expect(markdown).toContain('python -m venv .venv');
  });

  it('serves its files through its fetcher and refuses the network', async () => {
    await withBackup(zipPath, async (backup) => {
      const url = backupFileUrl(`${BACKUP_ROOT}/205/img/메모리.jpg`);
      const response = await backup.fetcher.get(url);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('image/jpeg');
      expect(response.body.equals(jpegBytes('memory'))).toBe(true);
      expect((await backup.fetcher.get(backupFileUrl(`${BACKUP_ROOT}/317/img/없는파일.png`))).status).toBe(404);
      await expect(backup.fetcher.get('https://blog.kakaocdn.net/dn/a/b/c/img.png')).rejects.toBeInstanceOf(FetchError);
    });
  });
});

describe('telling a backup from a blog URL', () => {
  it('is a backup when it is a folder or a file that starts like a zip', async () => {
    expect(await isBackupSource(zipPath)).toBe(true);
    expect(await isBackupSource(unpackedPath)).toBe(true);
    expect(await isBackupSource(`${unpackedPath}/${BACKUP_ROOT}/101/101.html`)).toBe(false);
    expect(await isBackupSource('https://myblog.tistory.com')).toBe(false);
  });
});

describe('unpacked backup folder', () => {
  it('yields the same posts as the zip', async () => {
    const fromZip = await withBackup(zipPath, readAll);
    const fromFolder = await withBackup(unpackedPath, readAll);
    const shape = (posts: BackupPost[]) =>
      posts.map((post) => ({
        page: post.page,
        extraction: post.extraction,
        files: post.files.map(({ read: _read, ...file }) => file),
        warnings: post.warnings,
      }));
    expect(shape(fromFolder)).toEqual(shape(fromZip));
    const image = okPost(fromFolder, '101').post.files[0]!;
    expect((await image.read()).equals(pngBytes('venv'))).toBe(true);
  });
});
