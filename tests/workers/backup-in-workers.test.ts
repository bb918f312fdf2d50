// Pages of Tistory's own backup are extracted in the worker thread too. The worker sees only the files
// beside the page; a page that names a file elsewhere in the backup must still get it.

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackup, type Backup, type BackupPost } from '../../src/backup/index.js';
import { bodyConverter, type ConvertSettings } from '../../src/read/pure-stages.js';
import { StagePool } from '../../src/read/stage-pool.js';
import { BACKUP_ROOT, backupFiles, backupPage, pngBytes, tempFolder, writeFolder } from '../backup/backup-fixture.js';
import { exportSnapshot, spawnCli } from '../helpers/export-process.js';

const WORKER_URL = new URL('../../dist/read/stage-worker.js', import.meta.url);

/** Post 500 shows an image kept in post 101's folder, as a page moved between posts could. */
const FAR_IMAGE_POST = backupPage({
  title: '다른 글의 사진',
  category: '일상',
  date: '2024-05-05 10:00:00',
  body: `<p data-ke-size="size16">다른 폴더의 사진 한 장.</p>
<p><figure class="imageblock alignCenter"><span data-url="../101/img/venv 실행화면.png"><img src="../101/img/venv 실행화면.png" /></span></figure></p>
<p><figure class="imageblock alignCenter"><span data-url="./img/own.png"><img src="./img/own.png" /></span></figure></p>`,
});

let folder: string;
let backup: Backup;
let pool: StagePool;
beforeAll(async () => {
  folder = await writeFolder(await tempFolder(), [
    ...backupFiles(),
    { path: `${BACKUP_ROOT}/500/500.html`, body: Buffer.from(FAR_IMAGE_POST) },
    { path: `${BACKUP_ROOT}/500/img/own.png`, body: pngBytes('own') },
  ]);
  backup = await openBackup(folder);
  pool = new StagePool({ size: 1, workerUrl: WORKER_URL });
});
afterAll(async () => {
  await Promise.all([backup.close(), pool.close()]);
});

const SETTINGS: ConvertSettings = {
  images: 'download',
  names: { blogOrigin: 'https://myblog.tistory.com', origins: [] },
};

/** What a read gives, without the functions that read file bytes. */
function plain<Body>(post: BackupPost<Body>) {
  return { ...post, files: post.files.map(({ read: _read, ...file }) => file) };
}

describe('backup pages in a worker thread', () => {
  it('read the same as in this thread, page by page, the far image included', async () => {
    expect(backup.pages.length).toBe(5);
    for (const page of backup.pages) {
      const inWorker = await backup.read(page, bodyConverter(SETTINGS), (job) => pool.readBackup(job, SETTINGS));
      expect(plain(inWorker), page.htmlPath).toEqual(plain(await backup.read(page, bodyConverter(SETTINGS))));
    }
    expect(pool.tasksRunInThread).toBe(0);
    const far = await backup.read(backup.pages.find((page) => page.id === '500')!, bodyConverter(SETTINGS), (job) =>
      pool.readBackup(job, SETTINGS),
    );
    expect(far.warnings).toEqual([]);
    expect(far.files.filter((file) => file.referenced).map((file) => file.path)).toEqual([
      `${BACKUP_ROOT}/101/img/venv 실행화면.png`,
      `${BACKUP_ROOT}/500/img/own.png`,
    ]);
  });

  it('export the same through the compiled CLI with --workers 2 as with --workers 0', async () => {
    const exportWith = async (workers: number) => {
      const outDir = await mkdtemp(join(tmpdir(), `te-backup-workers-${workers}-`));
      const run = spawnCli(
        [
          join(folder, BACKUP_ROOT),
          '-o',
          outDir,
          '-f',
          'markdown,jsonl,wxr',
          '--files-url',
          'https://files.example.com/',
          '--workers',
          String(workers),
        ],
        {},
      );
      expect((await run.exited).code, run.stderr()).toBe(0);
      return exportSnapshot(outDir);
    };
    const [inThread, inWorkers] = await Promise.all([exportWith(0), exportWith(2)]);
    expect(Object.keys(inThread).some((file) => file.endsWith('.png'))).toBe(true);
    expect(inWorkers).toEqual(inThread);
  }, 60_000);
});
