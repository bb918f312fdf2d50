import { WordPressClient, type RouteStyle, type WordPressClientOptions } from './client.js';
import { describeFailure, WordPressError, type RestErrorBody } from './wordpress-error.js';

interface RestIndex {
  routes?: Record<string, unknown>;
  authentication?: Record<string, unknown> | unknown[];
}

interface RestUser {
  id: number;
  name: string;
  capabilities?: Record<string, boolean>;
}

/** What the tool does on the site, and the capability each needs. */
const NEEDED_CAPABILITIES = ['publish_posts', 'edit_pages', 'upload_files', 'manage_categories'] as const;

/**
 * A client for the site, once it is known to have the REST API (at `/wp-json/`, or `?rest_route=` on a
 * site with plain permalinks), to accept application passwords, and to take this user's: before any post
 * is read, so a wrong password is one line, not a failure per post.
 */
export async function connectWordPress(options: WordPressClientOptions): Promise<WordPressClient> {
  const client = new WordPressClient(options);
  const index = await findRestApi(client);
  const methods = Array.isArray(index.authentication) ? [] : Object.keys(index.authentication ?? {});
  if (!methods.includes('application-passwords')) {
    throw new WordPressError(
      `WordPress at ${client.siteUrl} has application passwords turned off (a plugin or the host disabled them, or the site is not on HTTPS); turn them on, or publish through -f wxr`,
    );
  }
  const me = await client.send<RestUser | RestErrorBody>('/wp/v2/users/me', { query: { context: 'edit' } });
  if (me.status !== 200)
    throw describeFailure(client.siteUrl, 'GET /wp/v2/users/me', me.status, me.body as RestErrorBody);
  const capabilities = (me.body as RestUser).capabilities ?? {};
  const missing = NEEDED_CAPABILITIES.filter((capability) => capabilities[capability] !== true);
  if (missing.length > 0) {
    throw new WordPressError(
      `WordPress user ${options.user} at ${client.siteUrl} may not ${missing.join(', ')}; give it the Administrator or Editor role`,
    );
  }
  return client;
}

async function findRestApi(client: WordPressClient): Promise<RestIndex> {
  for (const style of ['wp-json', 'rest_route'] as RouteStyle[]) {
    client.routeStyle = style;
    const response = await client.send<RestIndex | null>('/', {}, false);
    if (response.status === 200 && response.body && typeof response.body === 'object' && 'routes' in response.body)
      return response.body;
  }
  throw new WordPressError(
    `no WordPress REST API at ${client.siteUrl} (neither ${client.siteUrl}/wp-json/ nor ${client.siteUrl}/?rest_route=/ answered); check --wp-url, and that no plugin turns the REST API off`,
  );
}
