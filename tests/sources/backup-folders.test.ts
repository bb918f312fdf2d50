// An unpacked backup folder is read whole, every .html in it a candidate post: an export written inside
// it would come back as posts on the next run (`cd backup && tistory-export .` with the default --out).
// So the output folder may not be inside it, and an export found inside it is never read as posts.

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { exportBlog } from '../../src/export.js';
import { BACKUP_ROOT, backupFiles, tempFolder, writeFolder } from '../backup/backup-fixture.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const FIXTURE_POST_IDS = ['101', '205', '317', '42'];

async function cli(argv: string[]) {
  const err: string[] = [];
  const code = await runCli(argv, {
    stdout: { write: () => true },
    stderr: { write: (chunk: string) => (err.push(chunk), true) },
  });
  return { code, stderr: err.join('') };
}

function expectOneLineRefusal(result: { code: number; stderr: string }, pattern: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(pattern)]);
}

describe('an output folder inside the backup folder', () => {
  it('is refused, for the backup folder or any folder inside it, before anything is written', async () => {
    const backup = await writeFolder(await tempFolder(), backupFiles());
    for (const out of [
      join(backup, 'export'),
      join(backup, BACKUP_ROOT, '101', 'export'),
      backup,
      join(backup, BACKUP_ROOT),
    ]) {
      const before = await readdir(backup, { recursive: true });
      expectOneLineRefusal(
        await cli([backup, '-o', out]),
        /^tistory-export: --out .* (is inside the backup folder|is the backup folder itself).*choose an output folder outside it/,
      );
      expect(await readdir(backup, { recursive: true })).toEqual(before);
    }
  });

  it('is refused when the user runs the tool in the backup folder with the default --out', async () => {
    const backup = join(await writeFolder(await tempFolder(), backupFiles()), BACKUP_ROOT);
    const result = await promisify(execFile)(process.execPath, [CLI, '.'], { cwd: backup, encoding: 'utf8' }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect('code' in result ? result.code : 0).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/--out .*myblog-backup\/output is inside the backup folder .*myblog-backup,/),
    ]);
    expect(existsSync(join(backup, 'output'))).toBe(false);
  });

  it('is refused when a symbolic link leads there', async () => {
    const backup = await writeFolder(await tempFolder(), backupFiles());
    const elsewhere = await mkdtemp(join(tmpdir(), 'te-link-'));
    await symlink(backup, join(elsewhere, 'looks-outside'), 'dir');
    expectOneLineRefusal(
      await cli([backup, '-o', join(elsewhere, 'looks-outside', 'export')]),
      /is inside the backup folder/,
    );
    await expect(
      exportBlog({ source: backup, out: join(elsewhere, 'looks-outside', 'new', 'export') }),
    ).rejects.toThrow(/is inside the backup folder/);
  });

  it('is no problem beside the backup folder, run after run', async () => {
    const parent = await tempFolder();
    const backup = await writeFolder(join(parent, 'backup'), backupFiles());
    const out = join(parent, 'backup-export');
    for (let run = 0; run < 2; run++) {
      const result = await exportBlog({ source: backup, out, formats: ['markdown', 'hugo', 'jekyll'] });
      expect(result.manifest.posts.map((post) => post.id).sort()).toEqual(FIXTURE_POST_IDS);
    }
  });
});

describe('an earlier export found inside the backup folder', () => {
  it('is never read back as posts: its pages and layouts are not part of the backup', async () => {
    const parent = await tempFolder();
    const backup = await writeFolder(join(parent, 'backup'), backupFiles());
    const earlier = join(parent, 'earlier-export');
    await exportBlog({ source: backup, out: earlier, formats: ['markdown', 'hugo', 'jekyll'] });
    // As an older version, which let it, would have left it: inside the backup folder.
    await cp(earlier, join(backup, 'output'), { recursive: true });
    expect((await readdir(join(backup, 'output'), { recursive: true })).some((file) => file.endsWith('.html'))).toBe(
      true,
    );

    const result = await exportBlog({ source: backup, out: join(parent, 'next-export') });
    expect(result.manifest.posts.map((post) => post.id).sort()).toEqual(FIXTURE_POST_IDS);
    expect(result.counts.ok).toBe(FIXTURE_POST_IDS.length);
  });

  it('is refused as the source itself: an export folder is not a backup', async () => {
    const parent = await tempFolder();
    const backup = await writeFolder(join(parent, 'backup'), backupFiles());
    const earlier = join(parent, 'earlier-export');
    await exportBlog({ source: backup, out: earlier, formats: ['hugo'] });
    const out = join(parent, 'again');
    expectOneLineRefusal(
      await cli([earlier, '-o', out]),
      /earlier-export is a folder tistory-export wrote .*not a 데이터 백업/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('leaves a backup folder alone that merely has a folder named like an export', async () => {
    const backup = await writeFolder(await tempFolder(), backupFiles());
    await mkdir(join(backup, 'output'));
    const result = await exportBlog({ source: backup, out: await mkdtemp(join(tmpdir(), 'te-beside-')) });
    expect(result.counts.ok).toBe(FIXTURE_POST_IDS.length);
  });
});
