import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { STATE_FOLDER } from './post-state.js';

/**
 * A backup folder is read whole, every `.html` in it a candidate post: an export written inside it
 * would be read back as posts by the next run (`cd backup && tistory-export .` with the default
 * `--out output`), and a folder an export was written into is no backup. Checked before anything is
 * created, on real paths so a symbolic link does not hide it.
 */
export async function checkBackupFolderSource(outDir: string, backupSource: string): Promise<void> {
  const source = await stat(backupSource).catch(() => null);
  if (!source?.isDirectory()) return;
  if (await stat(join(backupSource, STATE_FOLDER)).catch(() => null)) {
    throw new UsageError(
      `${backupSource} is a folder tistory-export wrote (it holds ${STATE_FOLDER}), not a 데이터 백업: give the backup's .zip or the folder it unpacks to`,
    );
  }
  const backupFolder = await realpath(backupSource);
  const out = await realPathOfMaybeMissing(outDir);
  const inside = relative(backupFolder, out);
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return;
  const where = inside === '' ? 'is the backup folder itself' : `is inside the backup folder ${backupFolder}`;
  throw new UsageError(
    `--out ${outDir} ${where}, whose next export would read this one back as posts; choose an output folder outside it, e.g. --out ${join(dirname(backupFolder), `${basename(backupFolder)}-export`)}`,
  );
}

/** The real path of `path`, which may not exist yet: its nearest existing ancestor's real path, plus the rest. */
async function realPathOfMaybeMissing(path: string): Promise<string> {
  const missing: string[] = [];
  let existing = resolve(path);
  for (;;) {
    const real = await realpath(existing).catch(() => null);
    if (real !== null) return join(real, ...missing.reverse());
    const parent = dirname(existing);
    if (parent === existing) return resolve(path);
    missing.push(basename(existing));
    existing = parent;
  }
}
