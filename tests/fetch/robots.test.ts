import { describe, expect, it } from 'vitest';
import type { HttpClientEvent } from '../../src/fetch/events.js';
import { rejection, useTestResources } from './test-resources.js';
import { html, postPage, type Handler } from './test-server.js';

const { serve, client } = useTestResources();

// The shape of a Tistory robots.txt.
const TISTORY_ROBOTS = `User-agent: *
Disallow: /owner
Disallow: /manage
Disallow: /admin
Disallow: /search
Disallow: /like
`;

function text(body: string, status = 200): Handler {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(body);
  };
}

describe('robots.txt', () => {
  it('rejects disallowed URLs with code robots and never requests them', async () => {
    const server = await serve({
      '/robots.txt': text(TISTORY_ROBOTS),
      '/manage/posts': html('관리 페이지'),
      '/search/%ED%8C%8C%EC%9D%B4%EC%8D%AC': html('검색 결과'),
      '/10': html(postPage(10, '허용된 글')),
    });
    const events: HttpClientEvent[] = [];
    const http = client({ respectRobots: true, onEvent: (event) => events.push(event) });

    const manage = await rejection(http.get(server.url('/manage/posts')));
    const search = await rejection(http.get(server.url('/search/파이썬')));
    const allowed = await http.get(server.url('/10'));

    expect([manage.code, search.code]).toEqual(['robots', 'robots']);
    expect(manage.url).toBe(server.url('/manage/posts'));
    expect(allowed.text()).toContain('허용된 글 본문입니다');
    expect(server.requests.map((request) => request.path)).toEqual(['/robots.txt', '/10']);
    expect(events).toContainEqual({ type: 'robots-disallowed', url: server.url('/manage/posts') });
  });

  it('follows the group for our user agent instead of the * group', async () => {
    const robots = `User-agent: *\nDisallow: /category\n\nUser-agent: tistory-export\nDisallow: /guestbook\n`;
    const server = await serve({
      '/robots.txt': text(robots),
      '/category': html('카테고리'),
      '/guestbook': html('방명록'),
    });
    const http = client({ respectRobots: true });

    expect((await http.get(server.url('/category'))).status).toBe(200);
    expect((await rejection(http.get(server.url('/guestbook')))).code).toBe('robots');
    expect(server.requestsTo('/guestbook')).toHaveLength(0);
  });

  it('fetches robots.txt once per host, even for concurrent first requests', async () => {
    const routes: Record<string, Handler> = { '/robots.txt': text(TISTORY_ROBOTS) };
    for (let id = 1; id <= 4; id += 1) routes[`/${id}`] = html(postPage(id, `글 ${id}`));
    const server = await serve(routes);
    const http = client({ respectRobots: true, concurrency: 4 });

    const responses = await Promise.all([1, 2, 3, 4].map((id) => http.get(server.url(`/${id}`))));

    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200]);
    expect(server.requestsTo('/robots.txt')).toHaveLength(1);
    expect(server.requests[0]?.path).toBe('/robots.txt');
  });

  it('allows everything when robots.txt is missing (404)', async () => {
    const server = await serve({ '/manage': html('소유자 화면이 아닌 평범한 페이지') });
    const events: HttpClientEvent[] = [];
    const response = await client({ respectRobots: true, onEvent: (event) => events.push(event) }).get(
      server.url('/manage'),
    );

    expect(response.status).toBe(200);
    expect(server.requests.map((request) => request.path)).toEqual(['/robots.txt', '/manage']);
    expect(events).toContainEqual({ type: 'robots-unavailable', url: server.url('/robots.txt'), reason: 'HTTP 404' });
  });

  it('allows everything when robots.txt keeps failing with 5xx, after retrying it', async () => {
    const server = await serve({ '/robots.txt': text('oops', 500), '/owner': html('page') });
    const response = await client({ respectRobots: true, retries: 1 }).get(server.url('/owner'));

    expect(response.status).toBe(200);
    expect(server.requestsTo('/robots.txt')).toHaveLength(2);
  });

  it('checks every redirect hop, so a redirect cannot lead into a disallowed path', async () => {
    const server = await serve({
      '/robots.txt': text(TISTORY_ROBOTS),
      '/m/15': html('', 301, { location: '/admin/entry/15' }),
      '/admin/entry/15': html('관리자'),
    });
    const error = await rejection(client({ respectRobots: true }).get(server.url('/m/15')));

    expect(error.code).toBe('robots');
    expect(error.url).toBe(server.url('/admin/entry/15'));
    expect(server.requestsTo('/admin/entry/15')).toHaveLength(0);
  });

  it('ignores robots.txt when respectRobots is false', async () => {
    const server = await serve({ '/robots.txt': text(TISTORY_ROBOTS), '/search/x': html('검색') });
    const response = await client({ respectRobots: false }).get(server.url('/search/x'));

    expect(response.status).toBe(200);
    expect(server.requestsTo('/robots.txt')).toHaveLength(0);
  });
});
