import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

/**
 * Writes through a temp file and a rename, so a crash never leaves half a file under the real name.
 * A file that already holds exactly these bytes is left alone: incremental runs hand every kept post to
 * the targets again, and rewriting identical files would touch thousands of modification times a night.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  if (await holdsExactly(path, data)) return;
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

async function holdsExactly(path: string, data: string | Uint8Array): Promise<boolean> {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  const existing = await stat(path).catch(() => null);
  if (!existing?.isFile() || existing.size !== bytes.byteLength) return false;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).equals(await readFile(path));
}

/** Streams `chunks` into `path` through a temp file and a rename, so a half-written file never appears. */
export async function writeChunksAtomic(path: string, chunks: AsyncIterable<string>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  const stream = createWriteStream(temp, { encoding: 'utf8' });
  let streamError: Error | null = null;
  stream.on('error', (error) => {
    streamError ??= error;
  });
  try {
    for await (const chunk of chunks) {
      if (streamError) throw streamError;
      if (!stream.write(chunk)) await once(stream, 'drain');
    }
    stream.end();
    await finished(stream);
    await rename(temp, path);
  } catch (error) {
    stream.destroy();
    await rm(temp, { force: true });
    throw error;
  }
}
