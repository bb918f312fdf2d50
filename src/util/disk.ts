import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

// Where the output's bytes meet the disk. Atomic writes (`atomic-write.ts`) go through these two, which
// tests replace to play a full disk or a refused file without needing either.

export async function writeWhole(path: string, data: string | Uint8Array): Promise<void> {
  await writeFile(path, data);
}

export async function writeStreamed(path: string, chunks: AsyncIterable<string>): Promise<void> {
  const stream = createWriteStream(path, { encoding: 'utf8' });
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
  } catch (error) {
    stream.destroy();
    throw error;
  }
}
