import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { writeFailure } from '../util/write-errors.js';

/** Enough of a file's start for every signature `file-type.ts` knows. */
const HEAD_BYTES = 64;

interface SpooledFile {
  /** Absolute path of the temp file holding the bytes; the caller renames or removes it. */
  temp: string;
  sha256: string;
  bytes: number;
  /** The first bytes, for naming the file by its type. */
  head: Buffer;
}

/**
 * Copies `body` into a temp file in `folder`, hashing it on the way: a chunk at a time in memory,
 * whatever the file's size. The temp file is named as `writeFileAtomic`'s are, so one a killed run
 * leaves behind is cleared by the next run.
 */
export async function spoolToTempFile(body: Readable, folder: string): Promise<SpooledFile> {
  const temp = join(folder, `.incoming.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const hash = createHash('sha256');
  const headChunks: Buffer[] = [];
  let headLength = 0;
  let bytes = 0;
  const file = createWriteStream(temp, { flags: 'wx' });
  // The pipeline hands a failed source's error on to the file stream too: only one the file met first is the disk's.
  let readError: unknown = null;
  let writeError: unknown = null;
  body.once('error', (error) => (readError = error));
  file.once('error', (error) => (writeError = error));
  try {
    await pipeline(
      body,
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          hash.update(chunk);
          bytes += chunk.length;
          if (headLength < HEAD_BYTES) {
            headChunks.push(Buffer.from(chunk.subarray(0, HEAD_BYTES - headLength)));
            headLength += Math.min(chunk.length, HEAD_BYTES - headLength);
          }
          yield chunk;
        }
      },
      file,
    );
  } catch (error) {
    // A source that fails at once can beat the file's own open: removing the temp name before the stream has
    // closed would let that open create it again afterwards.
    await closed(file);
    await rm(temp, { force: true }).catch(() => {});
    // A full disk must stop the run (see `DiskFullError`); a source that failed is that one file's problem.
    throw error === writeError && error !== readError ? writeFailure(error, folder) : error;
  }
  return { temp, sha256: hash.digest('hex'), bytes, head: Buffer.concat(headChunks) };
}

function closed(stream: WriteStream): Promise<void> {
  return stream.closed ? Promise.resolve() : new Promise((resolve) => stream.once('close', () => resolve()));
}

/** The sha256 and size of a file, read a chunk at a time; null when there is no such file. */
export async function hashFile(path: string): Promise<{ sha256: string; bytes: number } | null> {
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of createReadStream(path)) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
  } catch {
    return null;
  }
  return { sha256: hash.digest('hex'), bytes };
}
