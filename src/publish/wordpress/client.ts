import { request, type Dispatcher } from 'undici';
import { sleep } from '../../fetch/abort.js';
import { describeFailure, WordPressError, type RestErrorBody } from './wordpress-error.js';
import type { AppPassword } from './app-password.js';

export interface WordPressClientOptions {
  /** The site's address, without a trailing `/` (`https://example.com`, `https://example.com/blog`). */
  siteUrl: string;
  user: string;
  password: AppPassword;
  /** Waits before each retry of a 5xx, a 429 or a network error; its length is the number of retries. */
  retryDelaysMs?: readonly number[];
  timeoutMs?: number;
  /** `/wp-json/…` (pretty permalinks) or `/?rest_route=…` (plain ones); found by `connect`. */
  routeStyle?: RouteStyle;
  dispatcher?: Dispatcher;
}

export type RouteStyle = 'wp-json' | 'rest_route';

export interface RestRequest {
  method?: 'GET' | 'POST' | 'DELETE';
  query?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
  /** A file's bytes, for `/wp/v2/media`. */
  file?: { bytes: Buffer; name: string; type: string };
}

export interface RestResponse<T> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | undefined>;
}

const DEFAULT_RETRY_DELAYS = [1_000, 3_000, 9_000];

/**
 * Requests to one site's REST API as one user, authenticated with an application password (HTTP basic
 * auth). A 5xx, 429 or network failure is retried after a pause; anything else is answered at once.
 * Every failure is a `WordPressError` of one line, which never holds the password.
 */
export class WordPressClient {
  readonly siteUrl: string;
  routeStyle: RouteStyle;
  readonly #authorization: string;
  readonly #retryDelays: readonly number[];
  readonly #timeoutMs: number;
  readonly #dispatcher: Dispatcher | undefined;

  constructor(options: WordPressClientOptions) {
    this.siteUrl = options.siteUrl;
    this.routeStyle = options.routeStyle ?? 'wp-json';
    this.#authorization = `Basic ${Buffer.from(`${options.user}:${options.password.reveal()}`).toString('base64')}`;
    this.#retryDelays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS;
    this.#timeoutMs = options.timeoutMs ?? 120_000;
    this.#dispatcher = options.dispatcher;
  }

  /** The address of a REST route (`/wp/v2/posts`) with its query. */
  urlOf(route: string, query: RestRequest['query'] = {}): string {
    const url =
      this.routeStyle === 'wp-json' ? new URL(`${this.siteUrl}/wp-json${route}`) : new URL(`${this.siteUrl}/`);
    if (this.routeStyle === 'rest_route') url.searchParams.set('rest_route', route);
    for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
    return url.href;
  }

  /** A request that must succeed; a refusal throws its one-line `WordPressError`. */
  async call<T>(route: string, options: RestRequest = {}): Promise<T> {
    const response = await this.send<T | RestErrorBody>(route, options, true);
    if (response.status >= 200 && response.status < 300) return response.body as T;
    throw describeFailure(
      this.siteUrl,
      `${options.method ?? 'GET'} ${route}`,
      response.status,
      response.body as RestErrorBody,
    );
  }

  /** Every item of a collection, page after page. */
  async all<T>(route: string, query: RestRequest['query'] = {}): Promise<T[]> {
    const items: T[] = [];
    for (let page = 1; ; page++) {
      const batch = await this.call<T[]>(route, { query: { ...query, per_page: 100, page } });
      items.push(...batch);
      if (batch.length < 100) return items;
    }
  }

  /** A request whose status the caller reads (a 404 that means "gone" is no failure to an undo). */
  async send<T>(route: string, options: RestRequest = {}, authenticated = true): Promise<RestResponse<T>> {
    const method = options.method ?? 'GET';
    const headers: Record<string, string> = { accept: 'application/json' };
    if (authenticated) headers.authorization = this.#authorization;
    let body: string | Buffer | undefined;
    if (options.file) {
      body = options.file.bytes;
      headers['content-type'] = options.file.type;
      // WordPress reads only a plain quoted `filename="…"`: a name it could misread is sent as ASCII.
      headers['content-disposition'] = `attachment; filename="${options.file.name}"`;
    } else if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] = 'application/json; charset=utf-8';
    }
    const what = `${method} ${route}`;
    for (let attempt = 0; ; attempt++) {
      const retryAfter = this.#retryDelays[attempt];
      let outcome: RestResponse<T> | Error;
      try {
        const response = await request(this.urlOf(route, options.query), {
          method,
          headers,
          ...(body === undefined ? {} : { body }),
          headersTimeout: this.#timeoutMs,
          bodyTimeout: this.#timeoutMs,
          ...(this.#dispatcher ? { dispatcher: this.#dispatcher } : {}),
        });
        const text = await response.body.text();
        outcome = { status: response.statusCode, body: parseJson(text) as T, headers: response.headers };
      } catch (error) {
        outcome = new WordPressError(
          `WordPress at ${this.siteUrl} could not be reached for ${what} (${error instanceof Error ? error.message : String(error)})`,
        );
      }
      const retryable =
        outcome instanceof Error || outcome.status === 429 || (outcome.status >= 500 && !isDeliberate(outcome.body));
      if (!retryable || retryAfter === undefined) {
        if (outcome instanceof Error) throw outcome;
        if (outcome.status >= 500 && attempt > 0) {
          const failure = describeFailure(this.siteUrl, what, outcome.status, outcome.body as RestErrorBody);
          throw new WordPressError(
            `${failure.message}, ${attempt + 1} tries`,
            failure.status,
            failure.code,
            failure.data,
          );
        }
        return outcome;
      }
      await sleep(retryAfter);
    }
  }
}

/**
 * A 5xx that WordPress itself sent with its reason (an upload of a type the site refuses comes back as a
 * 500 `rest_upload_sideload_error`) says the same on every try; a gateway's or a crash's 5xx may pass.
 */
function isDeliberate(body: unknown): boolean {
  const code = body && typeof body === 'object' ? (body as RestErrorBody).code : undefined;
  return typeof code === 'string' && code !== 'internal_server_error';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
