// The one-line failures of -f wordpress, from a local server that answers as a broken or locked site
// would: no REST API, application passwords off, a wrong password, an upload too large, a 5xx.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AppPassword } from '../../src/publish/wordpress/app-password.js';
import { WordPressClient } from '../../src/publish/wordpress/client.js';
import { connectWordPress } from '../../src/publish/wordpress/connect.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;
const servers: ReturnType<typeof createServer>[] = [];
afterEach(() => Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve)))));

async function site(handler: Handler): Promise<{ url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    request.resume();
    request.on('end', () => handler(request, response));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

const json = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
};
const INDEX = { routes: {}, authentication: { 'application-passwords': { endpoints: {} } } };
const password = new AppPassword('secret pass word');
const options = (siteUrl: string) => ({ siteUrl, user: 'admin', password, retryDelaysMs: [1, 1] });

describe('connecting to a WordPress site', () => {
  it('says there is no REST API when neither /wp-json/ nor ?rest_route= answers', async () => {
    const { url } = await site((_request, response) => json(response, 404, { code: 'not_found' }));
    await expect(connectWordPress(options(url))).rejects.toThrow(
      /^no WordPress REST API at http:\/\/127\.0\.0\.1:\d+ \(neither .*\/wp-json\/ nor .*\/\?rest_route=\/ answered\)/,
    );
  });

  it('uses ?rest_route= on a site with plain permalinks', async () => {
    const { url, requests } = await site((request, response) => {
      if (request.url === '/?rest_route=%2F') return json(response, 200, INDEX);
      if (request.url?.startsWith('/?rest_route=%2Fwp%2Fv2%2Fusers%2Fme')) {
        return json(response, 200, {
          id: 1,
          capabilities: { publish_posts: true, edit_pages: true, upload_files: true, manage_categories: true },
        });
      }
      json(response, 404, {});
    });
    const client = await connectWordPress(options(url));
    expect(client.routeStyle).toBe('rest_route');
    expect(requests).toContain('GET /?rest_route=%2Fwp%2Fv2%2Fusers%2Fme&context=edit');
  });

  it('says application passwords are off when the index offers no such authentication', async () => {
    const { url } = await site((_request, response) => json(response, 200, { routes: {}, authentication: [] }));
    await expect(connectWordPress(options(url))).rejects.toThrow(
      /^WordPress at \S+ has application passwords turned off/,
    );
  });

  it('says the password was refused on a 401, without the password', async () => {
    const { url } = await site((request, response) => {
      if (request.url === '/wp-json/') return json(response, 200, INDEX);
      json(response, 401, {
        code: 'incorrect_password',
        message: 'The provided password is an invalid application password.',
      });
    });
    const refusal = await connectWordPress(options(url)).catch((error: Error) => error);
    expect(String(refusal)).toMatch(
      /refused the user name and application password \(401 incorrect_password\); check --wp-user and --wp-app-password$/,
    );
    expect(String(refusal)).not.toContain('secret');
  });

  it('names the capability a user without the role lacks', async () => {
    const { url } = await site((request, response) => {
      if (request.url === '/wp-json/') return json(response, 200, INDEX);
      json(response, 200, {
        id: 2,
        capabilities: { publish_posts: true, edit_pages: false, upload_files: true, manage_categories: false },
      });
    });
    await expect(connectWordPress(options(url))).rejects.toThrow(
      /^WordPress user admin at \S+ may not edit_pages, manage_categories; give it the Administrator or Editor role$/,
    );
  });
});

describe('requests during a run', () => {
  it('says an upload was too large on a 413, and does not retry it', async () => {
    const { url, requests } = await site((_request, response) => {
      response.writeHead(413, { 'content-type': 'text/html' });
      response.end('<html>413 Request Entity Too Large</html>');
    });
    const client = new WordPressClient(options(url));
    await expect(
      client.call('/wp/v2/media', {
        method: 'POST',
        file: { bytes: Buffer.alloc(10), name: 'a.png', type: 'image/png' },
      }),
    ).rejects.toThrow(/^WordPress at \S+ refused an upload as too large \(413\); raise the site's upload limit/);
    expect(requests).toHaveLength(1);
  });

  it('retries a 5xx, then fails with one line that counts the tries', async () => {
    const { url, requests } = await site((_request, response) => {
      response.writeHead(502);
      response.end('bad gateway');
    });
    const client = new WordPressClient(options(url));
    await expect(client.call('/wp/v2/posts', { method: 'POST', json: {} })).rejects.toThrow(
      /^WordPress at \S+ failed on POST \/wp\/v2\/posts \(502\), 3 tries$/,
    );
    expect(requests).toHaveLength(3);
  });

  it('carries on after a 5xx that passes', async () => {
    let calls = 0;
    const { url } = await site((_request, response) =>
      ++calls === 1 ? json(response, 503, {}) : json(response, 201, { id: 5 }),
    );
    const client = new WordPressClient(options(url));
    await expect(client.call('/wp/v2/posts', { method: 'POST', json: {} })).resolves.toEqual({ id: 5 });
  });
});
