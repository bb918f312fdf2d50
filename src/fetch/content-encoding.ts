import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotliDecompress = promisify(zlib.brotliDecompress);

type Decoder = (body: Buffer, maxOutputLength: number) => Promise<Buffer>;

const DECODERS: Record<string, Decoder> = {
  gzip: (body, maxOutputLength) => gunzip(body, { maxOutputLength }),
  'x-gzip': (body, maxOutputLength) => gunzip(body, { maxOutputLength }),
  br: (body, maxOutputLength) => brotliDecompress(body, { maxOutputLength }),
  // Some servers send raw DEFLATE under the zlib-wrapped "deflate" name, so try both.
  deflate: (body, maxOutputLength) =>
    inflate(body, { maxOutputLength }).catch(() => inflateRaw(body, { maxOutputLength })),
};

interface DecodedBody {
  body: Buffer;
  /** False when an encoding is unknown: the body is then returned exactly as received. */
  decoded: boolean;
}

/**
 * Undoes `Content-Encoding` (undici's `request()` does not). Encodings apply in listed order, so
 * they are undone from last to first. Throws a zlib error for a corrupt or truncated stream and a
 * RangeError (code ERR_BUFFER_TOO_LARGE) when the output would exceed `maxBytes`.
 */
export async function decodeContentEncoding(
  body: Buffer,
  contentEncoding: string | undefined,
  maxBytes: number,
): Promise<DecodedBody> {
  const encodings = (contentEncoding ?? '')
    .split(',')
    .map((encoding) => encoding.trim().toLowerCase())
    .filter((encoding) => encoding !== '' && encoding !== 'identity');
  if (encodings.length === 0 || body.length === 0) return { body, decoded: true };
  const decoders = encodings.map((encoding) => DECODERS[encoding]);
  if (decoders.some((decoder) => decoder === undefined)) return { body, decoded: false };
  let current = body;
  for (const decoder of decoders.reverse()) current = await (decoder as Decoder)(current, maxBytes);
  return { body: current, decoded: true };
}
