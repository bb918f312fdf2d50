/**
 * Something WordPress refused or could not do, said in one line without the password. `fatal` failures
 * (wrong login, no REST API, application passwords off) stop the run; the others fail one post.
 */
export class WordPressError extends Error {
  constructor(
    message: string,
    readonly status: number | null = null,
    /** WordPress's own error code (`rest_post_invalid_id`, `term_exists`…), when it sent one. */
    readonly code: string | null = null,
    readonly data: Record<string, unknown> | null = null,
  ) {
    super(message);
    this.name = 'WordPressError';
  }

  /** The site (or the web server in front of it) would not take a request that large. */
  get tooLarge(): boolean {
    return this.status === 413 || this.code === 'rest_upload_file_too_big' || this.code === 'rest_upload_limited_space';
  }
}

/** What a WordPress REST error body says: `{ code, message, data }`. */
export interface RestErrorBody {
  code?: string;
  message?: string;
  data?: Record<string, unknown> & { status?: number };
}

/**
 * The one line for a refused request. `what` names the request (`POST /wp/v2/posts`), `site` the site.
 * The reasons users hit are named for what to do about them.
 */
export function describeFailure(
  site: string,
  what: string,
  status: number,
  body: RestErrorBody | null,
): WordPressError {
  const code = body?.code ?? null;
  const said = body?.message ? `: ${stripTags(body.message)}` : '';
  const data = body?.data ?? null;
  if (status === 401 || code === 'incorrect_password' || code === 'invalid_username' || code === 'invalid_email') {
    return new WordPressError(
      `WordPress at ${site} refused the user name and application password (${status}${code ? ` ${code}` : ''}); check --wp-user and --wp-app-password`,
      status,
      code,
      data,
    );
  }
  const refusal = new WordPressError('', status, code, data);
  if (refusal.tooLarge) return tooLarge(site, refusal);
  if (status === 403) {
    return new WordPressError(
      `WordPress at ${site} did not allow ${what} for this user (403${code ? ` ${code}` : ''}${said}); the user needs the Administrator or Editor role`,
      status,
      code,
      data,
    );
  }
  if (status >= 500)
    return new WordPressError(`WordPress at ${site} failed on ${what} (${status}${said})`, status, code, data);
  return new WordPressError(
    `WordPress at ${site} refused ${what} (${status}${code ? ` ${code}` : ''}${said})`,
    status,
    code,
    data,
  );
}

/** The one line for an upload the site could not take for its size; `file` names it when known. */
export function tooLarge(site: string, refusal: WordPressError, file?: string): WordPressError {
  const { status, code, data } = refusal;
  const why = [status, code].filter((part) => part !== null).join(' ');
  return new WordPressError(
    `WordPress at ${site} refused an upload as too large (${file ? `${file}; ` : ''}${why}); raise the site's upload limit (upload_max_filesize, post_max_size, or the web server's client_max_body_size) and run again`,
    status,
    code,
    data,
  );
}

function stripTags(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
