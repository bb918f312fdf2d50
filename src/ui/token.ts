import { randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes: a page on another origin cannot guess it, so it cannot drive the app. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The path after `/<token>`, or null when the request does not carry the token. The token sits at the
 * front of every path (rather than in a query) so that relative links inside served pages, such as the
 * report's links to its per-post views, carry it too.
 */
export function pathAfterToken(pathname: string, token: string): string | null {
  const match = /^\/([^/]*)(\/.*)?$/.exec(pathname);
  if (!match) return null;
  const given = Buffer.from(match[1] ?? '');
  const wanted = Buffer.from(token);
  // Compared in constant time: the answer's timing tells nothing about how much of a guess was right.
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return null;
  return match[2] ?? '/';
}

/**
 * Whether the Host header names this server exactly. A page on an attacker's domain that re-points its
 * name at 127.0.0.1 (DNS rebinding) sends its own name here, and is refused.
 */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}`;
}
