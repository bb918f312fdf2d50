import { request, type Dispatcher } from 'undici';
import { decodeContentEncoding } from './content-encoding.js';
import { classifyNetworkError, describeError, type FailureKind } from './network-errors.js';

interface SendRequestOptions {
  dispatcher: Dispatcher;
  headers: Record<string, string>;
  /** Covers the whole attempt: connect, headers and body. */
  timeoutMs: number;
  maxBodyBytes: number;
  signal: AbortSignal;
}

export interface RawResponse {
  ok: true;
  status: number;
  headers: Record<string, string>;
  /** Decompressed body. */
  body: Buffer;
  /** Bytes received on the wire. */
  wireBytes: number;
}

interface FailedAttempt {
  ok: false;
  kind: FailureKind;
  reason: string;
}

/** One GET, no redirects and no retries; never throws, every failure comes back classified. */
export async function sendRequest(url: URL, options: SendRequestOptions): Promise<RawResponse | FailedAttempt> {
  const attempt = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    attempt.abort(new Error(`no complete response within ${options.timeoutMs} ms`));
  }, options.timeoutMs);
  const forwardAbort = (): void => attempt.abort(options.signal.reason);
  options.signal.addEventListener('abort', forwardAbort, { once: true });
  if (options.signal.aborted) forwardAbort();
  try {
    const response = await request(url, {
      method: 'GET',
      headers: options.headers,
      dispatcher: options.dispatcher,
      signal: attempt.signal,
    });
    const headers = flattenHeaders(response.headers);
    const declaredLength = Number(headers['content-length']);
    if (declaredLength > options.maxBodyBytes) {
      response.body.destroy();
      return tooLarge(options.maxBodyBytes);
    }
    const wire = await readBody(response.body, options.maxBodyBytes);
    if (wire === null) return tooLarge(options.maxBodyBytes);
    const decoded = await decodeContentEncoding(wire, headers['content-encoding'], options.maxBodyBytes).catch(
      (error: unknown) => {
        if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') return null;
        throw error;
      },
    );
    if (decoded === null) return tooLarge(options.maxBodyBytes);
    if (decoded.decoded) {
      // The body no longer matches these headers once it has been decompressed.
      delete headers['content-encoding'];
      delete headers['content-length'];
    }
    return { ok: true, status: response.statusCode, headers, body: decoded.body, wireBytes: wire.length };
  } catch (error) {
    if (options.signal.aborted) return { ok: false, kind: 'aborted', reason: describeError(options.signal.reason) };
    if (timedOut)
      return { ok: false, kind: 'timeout', reason: `timeout: no complete response within ${options.timeoutMs} ms` };
    return { ok: false, kind: classifyNetworkError(error), reason: describeError(error) };
  } finally {
    clearTimeout(timer);
    options.signal.removeEventListener('abort', forwardAbort);
  }
}

/** Reads the whole body, or returns null (and stops reading) once it passes `maxBytes`. */
async function readBody(body: AsyncIterable<Buffer> & { destroy(): void }, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) {
      body.destroy();
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

function tooLarge(maxBodyBytes: number): FailedAttempt {
  return { ok: false, kind: 'fatal', reason: `response body larger than maxBodyBytes (${maxBodyBytes} bytes)` };
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
