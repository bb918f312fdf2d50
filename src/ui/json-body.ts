import type { IncomingMessage } from 'node:http';

/** A form's JSON is a few KB; anything near this is not the app's page talking. */
export const MAX_JSON_BYTES = 1024 * 1024;

/** The request's body parsed as JSON; null when it is not JSON or is larger than `limit`. */
export async function readJsonBody(request: IncomingMessage, limit = MAX_JSON_BYTES): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return null;
  }
}
