// Zips that are not what they claim. Nothing about them may pass in silence: a name the zip holds twice
// (or once in NFD and once in NFC, which the reader takes for one name) is reported with the one that was
// read, an entry refused for leading outside the backup is listed in the summary and the manifest, and a
// file that is no zip at all is said to be one, not taken for a missing file or a web address.

import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackup, type Backup } from '../../src/backup/index.js';
import { runCli } from '../../src/cli/run.js';
import type { Manifest } from '../../src/types.js';
import { captureIo } from '../helpers/capture-io.js';
import {
  backupPage,
  pngBytes,
  renameEntries,
  tempFolder,
  writeFolder,
  zipBuffer,
  type BackupFileSpec,
} from './backup-fixture.js';

let folder: string;
beforeAll(async () => {
  folder = await tempFolder();
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const PHOTO = '사진.png';
const PAGE = backupPage({
  title: '겹친 이름',
  category: '일상',
  date: '2025-04-01 12:00:00',
  body: `<p data-ke-size="size16">사진 한 장.</p><p><img src="./img/${PHOTO}" /></p>`,
});

async function withBackup<T>(source: string, use: (backup: Backup) => Promise<T>): Promise<T> {
  const backup = await openBackup(source);
  try {
    return await use(backup);
  } finally {
    await backup.close();
  }
}

async function bytesOf(backup: Backup, path: string): Promise<Buffer> {
  return (
    await backup.fetcher.get(
      `https://tistory-backup.invalid/files/${path.split('/').map(encodeURIComponent).join('/')}`,
    )
  ).body;
}

async function zipAt(name: string, files: readonly BackupFileSpec[]): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, await zipBuffer(files));
  return path;
}

describe('names a backup holds twice', () => {
  it('reports an entry name the zip holds twice, and reads the last', async () => {
    const path = await zipAt('twice.zip', [
      { path: '3/3.html', body: Buffer.from(PAGE) },
      { path: `3/img/${PHOTO}`, body: pngBytes('first') },
      { path: `3/img/${PHOTO}`, body: pngBytes('second') },
    ]);
    await withBackup(path, async (backup) => {
      expect(backup.duplicateEntries).toEqual([`backup entry "3/img/${PHOTO}" appears 2 times; the last one is read`]);
      expect(await bytesOf(backup, `3/img/${PHOTO}`)).toEqual(pngBytes('second'));
    });
  });

  it('reports an NFD and an NFC spelling of one Hangul name as one name held twice', async () => {
    const path = await zipAt('twins.zip', [
      { path: '3/3.html', body: Buffer.from(PAGE) },
      { path: `3/img/${PHOTO.normalize('NFD')}`, body: pngBytes('mac') },
      { path: `3/img/${PHOTO}`, body: pngBytes('windows') },
    ]);
    await withBackup(path, async (backup) => {
      expect(backup.duplicateEntries).toEqual([
        `backup entry "3/img/${PHOTO}" appears 2 times, spelled differently (NFD; NFC); the last one (NFC) is read`,
      ]);
      expect(await bytesOf(backup, `3/img/${PHOTO}`)).toEqual(pngBytes('windows'));
    });
  });

  it('reads the same twin of an unpacked folder on every disk, and reports it', async () => {
    const root = await writeFolder(join(folder, 'twins-folder'), [
      { path: '3/3.html', body: Buffer.from(PAGE) },
      { path: `3/img/${PHOTO}`, body: pngBytes('nfc') },
      { path: `3/img/${PHOTO.normalize('NFD')}`, body: pngBytes('nfd') },
    ]);
    await withBackup(root, async (backup) => {
      expect(backup.duplicateEntries).toEqual([
        `backup entry "3/img/${PHOTO}" appears 2 times, spelled differently (NFD; NFC); the last one (NFC) is read`,
      ]);
      expect(await bytesOf(backup, `3/img/${PHOTO}`)).toEqual(pngBytes('nfc'));
    });
  });

  it('says nothing of a backup whose names are each there once', async () => {
    const path = await zipAt('clean.zip', [
      { path: '3/3.html', body: Buffer.from(PAGE) },
      { path: `3/img/${PHOTO}`, body: pngBytes('one') },
    ]);
    await withBackup(path, async (backup) => {
      expect(backup.duplicateEntries).toEqual([]);
      expect(backup.refusedEntries).toEqual([]);
    });
  });
});

describe('an export of a zip with refused and doubled entries', () => {
  let out: string;
  let code: number;
  let stdout: string;
  let stderr: string;
  let manifest: Manifest;

  beforeAll(async () => {
    const built = await zipBuffer([
      { path: '3/3.html', body: Buffer.from(PAGE) },
      { path: `3/img/${PHOTO}`, body: pngBytes('first') },
      { path: `3/img/${PHOTO}`, body: pngBytes('second') },
      { path: 'xx/xx/evil.html', body: Buffer.from(PAGE) },
      { path: 'yyyyyyyyyyyy', body: Buffer.from('root') },
    ]);
    const crafted = renameEntries(
      renameEntries(built, 'xx/xx/evil.html', Buffer.from('../../evil.html')),
      'yyyyyyyyyyyy',
      Buffer.from('/etc/passwdx'),
    );
    const source = join(folder, 'crafted.zip');
    await writeFile(source, crafted);
    out = join(folder, 'crafted-out');
    const io = captureIo();
    code = await runCli([source, '-o', out, '-f', 'markdown'], io.io);
    stdout = io.out.join('');
    stderr = io.err.join('');
    manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
  });

  const expected = [
    'backup entry "../../evil.html" refused: its name leads outside the backup (an absolute path, "..", or an empty or NUL part)',
    'backup entry "/etc/passwdx" refused: its name leads outside the backup (an absolute path, "..", or an empty or NUL part)',
    `backup entry "3/img/${PHOTO}" appears 2 times; the last one is read`,
  ];

  it('exports the post and exits 0', () => {
    expect(code).toBe(0);
    expect(manifest.posts.map((post) => [post.id, post.status])).toEqual([['3', 'ok']]);
  });

  it('lists every refused and doubled entry in the manifest', () => {
    expect(manifest.warnings).toEqual(expected);
  });

  it('lists them in the summary, and warns of each as the run goes', () => {
    expect(stdout).toContain(
      `Backup entries not read as they are (3):\n${expected.map((line) => `  ${line}\n`).join('')}`,
    );
    for (const line of expected) expect(stderr).toContain(`warning: ${line}\n`);
  });
});

describe('a source that is a file but no zip', () => {
  async function runOn(name: string, body: Buffer) {
    const source = join(folder, name);
    await writeFile(source, body);
    const out = join(folder, `${name}-out`);
    const io = captureIo();
    const code = await runCli([source, '-o', out], io.io);
    const written = await readdir(out).catch(() => []);
    return { source, code, stderr: io.err.join(''), written };
  }

  const cases: Array<[string, string, Buffer]> = [
    ['an empty .zip', 'empty.zip', Buffer.alloc(0)],
    ['a text file', 'notes.txt', Buffer.from('티스토리 백업 메모\n')],
    ['an image named .zip', 'photo.zip', pngBytes('not a zip')],
  ];
  for (const [what, name, body] of cases) {
    it(`says so for ${what}, in one line, exit 2, and writes nothing`, async () => {
      const run = await runOn(name, body);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `tistory-export: ${run.source} is not a zip file (give Tistory's backup .zip, the folder it unpacks to, or a blog URL)\n`,
      );
      expect(run.written).toEqual([]);
    });
  }

  it('says so for a zip cut short, whose start alone looks like one', async () => {
    const whole = await zipBuffer([{ path: '3/3.html', body: Buffer.from(PAGE) }]);
    const run = await runOn('cut.zip', whole.subarray(0, 100));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `tistory-export: cannot read the backup ${run.source}: not a zip file, or a zip cut short\n`,
    );
  });

  it('still reads a folder whose name ends in .zip as an unpacked backup', async () => {
    const root = join(folder, 'unpacked.zip');
    await mkdir(root);
    await writeFolder(root, [{ path: '3/3.html', body: Buffer.from(PAGE) }]);
    const io = captureIo();
    expect(await runCli([root, '-o', join(folder, 'unpacked-out'), '-f', 'markdown'], io.io)).toBe(0);
  });
});
