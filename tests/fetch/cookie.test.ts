import { describe, expect, it } from 'vitest';
import { readCookieOption } from '../../src/util/cookie.js';
import { html } from './test-server.js';
import { useTestResources } from './test-resources.js';

const { serve, client } = useTestResources();

describe('--cookie through the http client', () => {
  it('goes to the blog host only, also when the blog redirects to another host', async () => {
    const cdn = await serve({ '/img.png': html('image') }, '127.0.0.2');
    const blog = await serve({
      '/1': html('<p>post</p>'),
      '/to-cdn': (_req, res) => {
        res.writeHead(302, { location: cdn.url('/img.png') }).end();
      },
    });
    const cookie = await readCookieOption('TSSESSION=secret-session; other=1', blog.origin);
    const http = client({ cookie });

    await http.get(blog.url('/1'));
    await http.get(blog.url('/to-cdn'));
    await http.get(cdn.url('/img.png'));

    expect(blog.requests.map((request) => request.headers.cookie)).toEqual([
      'TSSESSION=secret-session; other=1',
      'TSSESSION=secret-session; other=1',
    ]);
    expect(cdn.requests).toHaveLength(2);
    for (const request of cdn.requests) expect(request.headers.cookie).toBeUndefined();
  });
});
