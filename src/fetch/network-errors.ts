/** How a failed attempt is handled: retried (`network`, `timeout`) or given up at once. */
export type FailureKind = 'network' | 'timeout' | 'aborted' | 'fatal';

const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

/**
 * Failures that another attempt cannot fix: a host name that does not resolve (a typo in the blog
 * name should fail in seconds, not after minutes of backoff), malformed requests.
 */
const FATAL_CODES = new Set(['ENOTFOUND', 'ERR_INVALID_URL', 'UND_ERR_INVALID_ARG', 'UND_ERR_NOT_SUPPORTED']);

export function classifyNetworkError(error: unknown): FailureKind {
  const codes = errorCodes(error);
  if (codes.some((code) => TIMEOUT_CODES.has(code))) return 'timeout';
  if (codes.some((code) => FATAL_CODES.has(code))) return 'fatal';
  // Everything else (ECONNRESET, ECONNREFUSED, "other side closed", content-length mismatch on a
  // truncated body, a corrupt gzip stream) is the kind of hiccup a retry usually gets past.
  return 'network';
}

/**
 * Whether a failure's reason (as `describeError` writes it) is one a later run would only repeat: a name
 * that does not resolve (a dead image host), a malformed request, a certificate that is not valid.
 */
export function failsForGood(reason: string): boolean {
  const code = /^([A-Z][A-Z0-9_]+):/.exec(reason)?.[1];
  return code !== undefined && (FATAL_CODES.has(code) || /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code));
}

/** A readable one-line reason, e.g. `ECONNRESET: socket hang up`. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = errorCodes(error)[0];
  const causeMessage = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${code ? `${code}: ` : ''}${error.message}${causeMessage}`;
}

/** Codes on the error and its causes: undici sometimes wraps the socket error that explains it. */
function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    current = current.cause;
  }
  return codes;
}
