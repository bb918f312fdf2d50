import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { writeStreamed, writeWhole } from './disk.js';
import { writeFailure } from './write-errors.js';

/**
 * Writes through a temp file and a rename, so a crash never leaves half a file under the real name.
 * A file that already holds exactly these bytes is left alone: incremental runs hand every kept post to
 * the targets again, and rewriting identical files would touch thousands of modification times a night.
 * A failure names `path`, not the temp file (see `writeFailure`).
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  if (await holdsExactly(path, data)) return;
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await throughTemp(path, temp, () => writeWhole(temp, data));
}

async function holdsExactly(path: string, data: string | Uint8Array): Promise<boolean> {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  const existing = await stat(path).catch(() => null);
  if (!existing?.isFile() || existing.size !== bytes.byteLength) return false;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).equals(await readFile(path));
}

/** Streams `chunks` into `path` through a temp file and a rename, so a half-written file never appears. */
export async function writeChunksAtomic(path: string, chunks: AsyncIterable<string>): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await throughTemp(path, temp, () => writeStreamed(temp, chunks));
}

async function throughTemp(path: string, temp: string, write: () => Promise<void>): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await write();
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => {});
    throw writeFailure(error, path);
  }
}
