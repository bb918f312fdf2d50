import { UsageError } from '../../errors.js';

/** `--wp-url`: an http(s) address; the site's root, without a trailing `/` (nor a `/wp-json` pasted after it). */
export function parseSiteUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new UsageError(
      `--wp-url must be a WordPress site's http(s) address such as https://example.com, got "${raw}"`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(
      `--wp-url must be a WordPress site's http(s) address such as https://example.com, got "${raw}"`,
    );
  }
  url.search = '';
  url.hash = '';
  return url.href.replace(/\/+$/, '').replace(/\/wp-json$/, '');
}
