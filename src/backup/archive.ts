// What the backup reader needs from a `.zip` or an unpacked folder: the list of files (names and sizes
// only, read up front) and the bytes of one file on demand. Contents are never all held at once.

export interface BackupArchive {
  /** Every file, by normalised path (see `normaliseEntryPath`), with its size in bytes. */
  readonly files: ReadonlyMap<string, number>;
  /** Entry names that would have escaped the backup (`../`, absolute paths): skipped, listed for warnings. */
  readonly refused: readonly string[];
  /** The whole file. Rejects when it is larger than `maxBytes` or missing. */
  read(path: string, maxBytes: number): Promise<Buffer>;
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
