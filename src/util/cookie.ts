import { readFile, stat } from 'node:fs/promises';
import { inspect } from 'node:util';

// `--cookie` lets a blog owner export private and protected posts. The value is a login session: it
// goes to the blog's own host and nowhere else (not the CDN, not a redirect to another host), and it
// never appears in an error, a log line or an output. Error messages name the problem, never the value.

export class CookieInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CookieInputError';
  }
}

interface StoredCookie {
  name: string;
  value: string;
  /** `/`-prefixed path the cookie is limited to. */
  path: string;
  secure: boolean;
}

const REDACTED = 'redacted';

/** The cookies of one blog host, ready to become a `Cookie` header for that host only. */
export class BlogCookie {
  readonly #cookies: readonly StoredCookie[];

  private constructor(
    /** Host (with port, if any) of the blog: the only host the header is for. */
    readonly host: string,
    cookies: readonly StoredCookie[],
  ) {
    this.#cookies = cookies;
  }

  /**
   * From a Netscape `cookies.txt` (what browser extensions and `curl -c` write) or a `Cookie:` header
   * value (`name=value; name2=value2`, with or without the `Cookie:` prefix). A cookies.txt keeps only
   * the cookies whose domain covers the blog's host and that have not expired.
   */
  static parse(input: string, blogUrl: string, now: Date = new Date()): BlogCookie {
    const host = hostOf(blogUrl);
    const cookies = isNetscapeFile(input) ? fromNetscapeFile(input, host, now) : fromHeaderValue(input);
    if (cookies.length === 0) {
      throw new CookieInputError(
        isNetscapeFile(input)
          ? `the cookies.txt has no unexpired cookie for ${host}`
          : 'the --cookie value holds no cookie',
      );
    }
    return new BlogCookie(host, cookies);
  }

  get count(): number {
    return this.#cookies.length;
  }

  /** The `Cookie` header value for a request to `url`; null for any other host (or no matching cookie). */
  headerFor(url: string): string | null {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return null;
    }
    if (target.host.toLowerCase() !== this.host) return null;
    const pairs = this.#cookies
      .filter((cookie) => (!cookie.secure || target.protocol === 'https:') && pathMatches(target.pathname, cookie.path))
      .map((cookie) => (cookie.name === '' ? cookie.value : `${cookie.name}=${cookie.value}`));
    return pairs.length > 0 ? pairs.join('; ') : null;
  }

  toString(): string {
    return `[cookie for ${this.host}: ${this.count} values, ${REDACTED}]`;
  }

  toJSON(): string {
    return this.toString();
  }

  [inspect.custom](): string {
    return this.toString();
  }
}

/**
 * `--cookie <file-or-string>`: a path to a cookies.txt file, else a `Cookie` header value. A path that
 * does not exist is reported as such when the text cannot be a header value either.
 */
export async function readCookieOption(option: string, blogUrl: string, now: Date = new Date()): Promise<BlogCookie> {
  const info = await stat(option).catch(() => null);
  if (info?.isFile()) return BlogCookie.parse(await readFile(option, 'utf8'), blogUrl, now);
  if (!option.includes('=')) {
    throw new CookieInputError(
      `--cookie: no such file "${option}", and it is not a Cookie header value (name=value; …)`,
    );
  }
  return BlogCookie.parse(option, blogUrl, now);
}

function hostOf(blogUrl: string): string {
  try {
    return new URL(blogUrl).host.toLowerCase();
  } catch {
    throw new CookieInputError(`not a blog URL: "${blogUrl}"`);
  }
}

function isNetscapeFile(input: string): boolean {
  if (/^\s*#\s*(?:Netscape )?HTTP Cookie File/i.test(input)) return true;
  return input.split(/\r?\n/).some((line) => line.split('\t').length === 7);
}

/** `domain  includeSubdomains  path  secure  expiry  name  value`, tab-separated; `#HttpOnly_` may prefix the domain. */
function fromNetscapeFile(input: string, host: string, now: Date): StoredCookie[] {
  const hostName = host.replace(/:\d+$/, '');
  const cookies: StoredCookie[] = [];
  for (const rawLine of input.split(/\r?\n/)) {
    const line = rawLine.startsWith('#HttpOnly_') ? rawLine.slice('#HttpOnly_'.length) : rawLine;
    if (line.trim() === '' || line.startsWith('#')) continue;
    const fields = line.split('\t');
    if (fields.length !== 7) continue;
    const [domain = '', subdomains = '', path = '/', secure = '', expiry = '0', name = '', value = ''] = fields;
    if (!domainMatches(hostName, domain.toLowerCase(), subdomains.toUpperCase() === 'TRUE')) continue;
    const expires = Number(expiry);
    if (Number.isFinite(expires) && expires > 0 && expires * 1000 <= now.getTime()) continue;
    cookies.push(
      checked({ name: name.trim(), value: value.trim(), path: path || '/', secure: secure.toUpperCase() === 'TRUE' }),
    );
  }
  return cookies;
}

function fromHeaderValue(input: string): StoredCookie[] {
  const value = input.trim().replace(/^cookie\s*:\s*/i, '');
  return value
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const equals = part.indexOf('=');
      const name = equals < 0 ? '' : part.slice(0, equals).trim();
      return checked({ name, value: equals < 0 ? part : part.slice(equals + 1).trim(), path: '/', secure: false });
    });
}

/** Line breaks in a header would let the value add headers of its own. */
function checked(cookie: StoredCookie): StoredCookie {
  if (/[\r\n\u0000]/.test(cookie.name + cookie.value)) throw new CookieInputError('a cookie holds a line break or NUL');
  if (/[;,\s]/.test(cookie.name)) throw new CookieInputError('a cookie name holds a space, comma or semicolon');
  return cookie;
}

/** `.tistory.com` (or a TRUE subdomain flag) covers `name.tistory.com`; a bare domain covers only itself. */
function domainMatches(host: string, domain: string, includeSubdomains: boolean): boolean {
  const bare = domain.replace(/^\./, '');
  if (bare === '') return false;
  if (host === bare) return true;
  return (includeSubdomains || domain.startsWith('.')) && host.endsWith(`.${bare}`);
}

/** RFC 6265 path-match: `/manage` covers `/manage` and `/manage/…`, not `/manager`. */
function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (cookiePath === '/' || requestPath === cookiePath) return true;
  return requestPath.startsWith(cookiePath) && (cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/');
}
