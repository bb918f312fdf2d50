import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** The largest backup the app accepts: Tistory's backups of big blogs run to a few hundred MB. */
export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

export class UploadTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`the file is larger than ${Math.round(limit / 1024 / 1024)} MB`);
  }
}

/**
 * The request's body written to `path`, refused past `limit` bytes: at once when Content-Length says so,
 * else as soon as the bytes arriving pass it. A refused upload leaves no file.
 */
export async function receiveUpload(request: IncomingMessage, path: string, limit = MAX_UPLOAD_BYTES): Promise<void> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new UploadTooLarge(limit);
  let received = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      callback(received > limit ? new UploadTooLarge(limit) : null, chunk);
    },
  });
  try {
    await pipeline(request, cap, createWriteStream(path));
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
}
