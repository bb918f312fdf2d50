import { randomBytes } from 'node:crypto';
import { copyFile, link, mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { resolveInside } from '../util/safe-path.js';
import { writeFailure } from '../util/write-errors.js';

/**
 * Puts a stored asset at another place in the output (a page bundle, a platform's static folder): a
 * hard link, so the bytes exist once on disk, or a copy where links are impossible. Atomic, and a no-op
 * when the same file is already there.
 */
export async function placeAsset(outDir: string, storedFile: string, destination: string): Promise<void> {
  const source = resolveInside(outDir, storedFile);
  const target = resolveInside(outDir, destination);
  const [from, to] = await Promise.all([stat(source), stat(target).catch(() => null)]);
  if (to && to.ino === from.ino && to.dev === from.dev) return;
  await mkdir(dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await link(source, temp).catch(() => copyFile(source, temp));
    await rename(temp, target);
    // Two posts placing the same file race: when the other one's link is already at `target`, both names
    // are links to one inode, and rename(2) then does nothing, leaving the temp name behind.
    await rm(temp, { force: true });
  } catch (error) {
    await rm(temp, { force: true }).catch(() => {});
    throw writeFailure(error, target);
  }
}
