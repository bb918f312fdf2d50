// What the backup reader needs from a `.zip` or an unpacked folder: the list of files (names and sizes
// only, read up front) and the bytes of one file on demand. Contents are never all held at once.

import { Transform, type Readable } from 'node:stream';

export interface BackupArchive {
  /** Every file, by normalised path (see `normaliseEntryPath`), with its size in bytes. */
  readonly files: ReadonlyMap<string, number>;
  /** Entry names that would have escaped the backup (`../`, absolute paths): skipped, listed for warnings. */
  readonly refused: readonly string[];
  /** Names the archive holds more than once (also once normalised: an NFD and an NFC spelling), one line each. */
  readonly duplicates: readonly string[];
  /** The whole file. Rejects when it is larger than `maxBytes` or missing. */
  read(path: string, maxBytes: number): Promise<Buffer>;
  /** The file's bytes as they come off the disk, for a file too large to hold: errors past `maxBytes`. */
  open(path: string, maxBytes: number): Promise<Readable>;
  close(): Promise<void>;
}

export class BackupFileTooLargeError extends Error {
  constructor(path: string, bytes: number, maxBytes: number) {
    super(`${path} is ${bytes} bytes, more than the ${maxBytes} bytes one file may have`);
    this.name = 'BackupFileTooLargeError';
  }
}

/** Collects a stream into one buffer, giving up as soon as it grows past `maxBytes`. */
export async function collect(stream: AsyncIterable<Buffer>, path: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.length;
    if (total > maxBytes) throw new BackupFileTooLargeError(path, total, maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

/**
 * `source`, failing once more than `maxBytes` went through: a folder's file can grow after it was
 * listed, and a zip entry's stated size is only the writer's word.
 */
export function limitBytes(source: Readable, path: string, maxBytes: number): Readable {
  let total = 0;
  const limited = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      done(total > maxBytes ? new BackupFileTooLargeError(path, total, maxBytes) : null, chunk);
    },
  });
  source.on('error', (error) => limited.destroy(error));
  limited.on('close', () => source.destroy());
  return source.pipe(limited);
}
