// One run at a time per output folder: two runs writing the same files and state would interleave. The
// first run's lock file (its pid) refuses the second; a lock left by a process that has ended (killed,
// crashed) is taken over, and a run removes its lock however it ends.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, realpath, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { UsageError } from '../../src/errors.js';
import { exportBlog } from '../../src/export.js';
import { ExportInterrupted } from '../../src/run/interrupted.js';
import { STATE_FOLDER } from '../../src/state/post-state.js';
import { FolderInUseError, acquireRunLock } from '../../src/state/run-lock.js';
import { backupFiles, tempFolder, writeFolder } from '../backup/backup-fixture.js';

const COMPILED_LOCK = fileURLToPath(new URL('../../dist/state/run-lock.js', import.meta.url));

const lockPath = (outDir: string) => join(outDir, STATE_FOLDER, 'lock');
const newOutDir = () => mkdtemp(join(tmpdir(), 'te-lock-'));

/** A pid no process has any more. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

async function writeLock(outDir: string, holder: object | string): Promise<void> {
  await mkdir(join(outDir, STATE_FOLDER), { recursive: true });
  await writeFile(lockPath(outDir), typeof holder === 'string' ? holder : JSON.stringify(holder));
}

async function lockHolder(outDir: string): Promise<{ pid: number; token: string }> {
  return JSON.parse(await readFile(lockPath(outDir), 'utf8')) as { pid: number; token: string };
}

let sleeper: ChildProcess;
let backup: string;
beforeAll(async () => {
  // Another process that is alive for the whole file: the holder of a lock still in use.
  sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600_000)'], { stdio: 'ignore' });
  backup = await writeFolder(await tempFolder(), backupFiles());
});
afterAll(() => {
  sleeper.kill();
});

describe('the lock of an output folder', () => {
  it('is created with this process pid, refuses a second run while held, and goes when released', async () => {
    const outDir = await newOutDir();
    const lock = await acquireRunLock(outDir);
    expect((await lockHolder(outDir)).pid).toBe(process.pid);
    const refusal = await acquireRunLock(outDir).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(FolderInUseError);
    expect((refusal as Error).message).toContain(
      `${outDir} is in use by another tistory-export run (pid ${process.pid}`,
    );
    await lock.release();
    expect(existsSync(lockPath(outDir))).toBe(false);
    await (await acquireRunLock(outDir)).release();
  });

  it('is refused while the process that holds it is alive', async () => {
    const outDir = await newOutDir();
    await writeLock(outDir, { pid: sleeper.pid, host: 'here', startedAt: '2025-06-03T00:00:00.000Z', token: 'abc' });
    await expect(acquireRunLock(outDir)).rejects.toThrow(new RegExp(`pid ${sleeper.pid}\\b`));
  });

  it('is taken over when its process has ended, or is this pid without this process holding it', async () => {
    // The second: a container restarted after a kill often gives the tool the pid it had before.
    for (const pid of [deadPid(), process.pid]) {
      const outDir = await newOutDir();
      await writeLock(outDir, { pid, host: 'here', startedAt: '2025-06-03T00:00:00.000Z', token: 'left-behind' });
      const lock = await acquireRunLock(outDir);
      expect(await lockHolder(outDir)).toMatchObject({ pid: process.pid });
      expect((await lockHolder(outDir)).token).not.toBe('left-behind');
      await lock.release();
    }
  });

  it('is taken over when it holds no readable holder at all', async () => {
    const outDir = await newOutDir();
    await writeLock(outDir, '');
    const lock = await acquireRunLock(outDir);
    expect((await lockHolder(outDir)).pid).toBe(process.pid);
    await lock.release();
  });

  it('goes to exactly one of many runs taking over the same stale lock at once', async () => {
    const outDir = await newOutDir();
    await writeLock(outDir, { pid: deadPid(), host: 'here', startedAt: '2025-06-03T00:00:00.000Z', token: 'stale' });
    const attempts = await Promise.allSettled(Array.from({ length: 8 }, () => acquireRunLock(outDir)));
    expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(1);
    for (const attempt of attempts)
      if (attempt.status === 'rejected') expect(attempt.reason).toBeInstanceOf(FolderInUseError);
    // The takeover's side files are gone too.
    expect(await readdir(join(outDir, STATE_FOLDER))).toEqual(['lock']);
  });

  it('goes when the process quits at once (a second Ctrl-C calls process.exit)', () => {
    const outDir = join(tmpdir(), `te-lock-exit-${process.pid}-${Date.now()}`);
    const script = `const { acquireRunLock } = await import(${JSON.stringify(COMPILED_LOCK)});
      await acquireRunLock(${JSON.stringify(outDir)});
      process.exit(130);`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.status, child.stderr).toBe(130);
    expect(existsSync(join(outDir, STATE_FOLDER))).toBe(true);
    expect(existsSync(lockPath(outDir))).toBe(false);
  });
});

describe('a second run into a folder a live run holds', () => {
  it('is refused in one line naming the pid and the folder, exit 2, and changes nothing', async () => {
    const outDir = await newOutDir();
    await writeLock(outDir, { pid: sleeper.pid, host: 'here', startedAt: '2025-06-03T00:00:00.000Z', token: 'live' });
    const before = await readFile(lockPath(outDir), 'utf8');
    const err: string[] = [];
    const code = await runCli([backup, '-o', outDir], {
      stdout: { write: () => true },
      stderr: { write: (chunk: string) => (err.push(chunk), true) },
    });
    expect(code).toBe(2);
    expect(err.join('').trimEnd().split('\n')).toEqual([
      `tistory-export: ${outDir} is in use by another tistory-export run (pid ${sleeper.pid} on here, started 2025-06-03T00:00:00.000Z); ` +
        `wait for it to finish or choose another output folder (if no run is exporting there, delete ${lockPath(await realpath(outDir))})`,
    ]);
    expect(await readFile(lockPath(outDir), 'utf8')).toBe(before);
    expect(await readdir(outDir)).toEqual([STATE_FOLDER]);
  });

  it('is no obstacle to a dry run, which writes nothing', async () => {
    const outDir = await newOutDir();
    await writeLock(outDir, { pid: sleeper.pid, host: 'here', startedAt: '2025-06-03T00:00:00.000Z', token: 'live' });
    const result = await exportBlog({ source: backup, out: outDir, dryRun: true });
    expect(result.discovered).toHaveLength(4);
    expect((await lockHolder(outDir)).token).toBe('live');
  });

  it('is refused when the same process already exports into the folder', async () => {
    const outDir = await newOutDir();
    const [first, second] = await Promise.allSettled([
      exportBlog({ source: backup, out: outDir }),
      exportBlog({ source: backup, out: outDir }),
    ]);
    expect([first.status, second.status].sort()).toEqual(['fulfilled', 'rejected']);
    const refused = (first.status === 'rejected' ? first : second) as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(FolderInUseError);
    expect(existsSync(lockPath(outDir))).toBe(false);
  });
});

describe('a run', () => {
  it('removes its lock when it ends well, when it is refused, and when it is interrupted', async () => {
    const outDir = await newOutDir();
    await exportBlog({ source: backup, out: outDir });
    expect(existsSync(lockPath(outDir))).toBe(false);

    // Refused after the lock was taken: the folder holds another blog's export.
    await expect(exportBlog({ source: backup, out: outDir, blogUrl: 'https://other.tistory.com' })).rejects.toThrow(
      UsageError,
    );
    expect(existsSync(lockPath(outDir))).toBe(false);

    const controller = new AbortController();
    controller.abort(new Error('interrupted'));
    const interruptedOut = await newOutDir();
    await expect(exportBlog({ source: backup, out: interruptedOut, signal: controller.signal })).rejects.toBeInstanceOf(
      ExportInterrupted,
    );
    expect(existsSync(lockPath(interruptedOut))).toBe(false);
  });
});
