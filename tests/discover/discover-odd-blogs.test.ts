import { afterEach, describe, expect, it } from 'vitest';
import { discoverPosts } from '../../src/discover/discover-posts.js';
import type { DiscoveryEvent } from '../../src/discover/events.js';
import { simpleFetcher } from '../helpers/simple-fetcher.js';
import { startOddBlog, type OddBlog, type OddBlogOptions } from './odd-blog.js';

const IDS = [90, 81, 77, 60, 52, 41, 33, 20, 12, 5, 2];
let blog: OddBlog | undefined;

afterEach(async () => {
  await blog?.close();
  blog = undefined;
});

async function discover(options: OddBlogOptions, maxListPages?: number) {
  blog = await startOddBlog(options);
  const events: DiscoveryEvent[] = [];
  const fetcher = simpleFetcher();
  const posts = await discoverPosts(blog.url, fetcher, {
    onEvent: (event) => events.push(event),
    ...(maxListPages ? { maxListPages } : {}),
  });
  return {
    posts,
    events,
    requests: blog.requests,
    fetched: fetcher.requested,
    ids: posts.map((post) => Number(post.id)),
  };
}

const sortedIds = [...IDS].sort((a, b) => a - b);
const listRequests = (requests: string[], path: '/' | '/category') =>
  requests.filter((request) => request === path || request.startsWith(`${path}?page=`));

describe('discoverPosts on blogs with odd paging', () => {
  it('stops on a last page whose "next" link points at itself', async () => {
    const run = await discover({ postIds: IDS, paging: 'next-to-self' });
    expect(run.ids).toEqual(sortedIds);
    expect(listRequests(run.requests, '/')).toEqual(['/', '/?page=2', '/?page=3', '/?page=4']);
  });

  it('stops soon after the end when every page links to a next page', async () => {
    const run = await discover({ postIds: IDS, paging: 'next-forever' });
    expect(run.ids).toEqual(sortedIds);
    // Four real pages, then at most two that show nothing new.
    expect(listRequests(run.requests, '/').length).toBeLessThanOrEqual(6);
    expect(run.events.some((event) => event.type === 'list-end' && event.reason === 'empty')).toBe(true);
  });

  it('walks a skin without paging links until pages show nothing new', async () => {
    const run = await discover({ postIds: IDS, paging: 'none' });
    expect(run.ids).toEqual(sortedIds);
    expect(listRequests(run.requests, '/').length).toBe(5);
  });

  it('stops when the server ignores ?page and repeats page 1', async () => {
    const run = await discover({ postIds: IDS, paging: 'ignores-page' });
    expect(run.ids).toEqual(sortedIds.filter((id) => IDS.slice(0, 3).includes(id)));
    expect(listRequests(run.requests, '/').length).toBeLessThanOrEqual(3);
  });

  it('honours maxListPages', async () => {
    const run = await discover({ postIds: IDS, paging: 'next-forever' }, 2);
    expect(listRequests(run.requests, '/')).toEqual(['/', '/?page=2']);
    expect(run.events.some((event) => event.type === 'list-end' && event.reason === 'max-pages')).toBe(true);
  });
});

describe('discoverPosts when feeds are missing, broken or unusual', () => {
  it('goes on without a sitemap (404) and with an RSS feed that is not XML', async () => {
    const run = await discover({ postIds: IDS, sitemap: 404, rss: '<html><body><p>점검 중<br></body></html>' });
    expect(run.ids).toEqual(sortedIds);
    const failed = run.events.filter((event) => event.type === 'feed-failed');
    expect(failed.map((event) => event.type === 'feed-failed' && event.source)).toEqual(['sitemap', 'rss']);
    expect(failed[0]).toMatchObject({ reason: 'HTTP 404' });
  });

  it('reads a sitemap index and the urlsets it names', async () => {
    const run = await discover({
      postIds: [9],
      sitemap: (origin) =>
        `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${origin}/sitemap-1.xml</loc></sitemap><sitemap><loc>${origin}/sitemap-2.xml</loc></sitemap><sitemap><loc>https://elsewhere.example/sitemap.xml</loc></sitemap></sitemapindex>`,
      files: {
        '/sitemap-1.xml': (origin) =>
          `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${origin}/1001</loc><lastmod>2013-05-02T10:00:00+09:00</lastmod></url><url><loc>${origin}/tag/old</loc></url></urlset>`,
        '/sitemap-2.xml': (origin) =>
          `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${origin}/entry/%EC%98%A4%EB%9E%98%EB%90%9C-%EA%B8%80</loc></url></urlset>`,
      },
    });
    expect(run.posts.map((post) => [post.id, post.url.replace(blog!.url, ''), post.lastmod])).toEqual([
      ['9', '/9', null],
      ['1001', '/1001', '2013-05-02T10:00:00+09:00'],
      [null, '/entry/%EC%98%A4%EB%9E%98%EB%90%9C-%EA%B8%80', null],
    ]);
    // A child sitemap on another host is not the blog's: never fetched.
    expect(run.fetched.some((url) => url.includes('elsewhere.example'))).toBe(false);
    expect(run.requests).toContain('/sitemap-2.xml');
  });

  it('reads RSS items: /entry/ links with numeric guids, pubDate kept in KST', async () => {
    const run = await discover({
      postIds: [],
      rss: (origin) => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>
<item><title>가</title><link>${origin}/entry/%EA%B0%80</link><description>&lt;p&gt;본문 &amp;amp; 끝&lt;/p&gt;</description><guid isPermaLink="true">${origin}/31</guid><pubDate>Tue, 20 Dec 2022 12:04:47 +0900</pubDate></item>
<item><title>나</title><link>${origin}/m/32?category=1</link><guid>${origin}/32</guid><pubDate>Wed, 21 Dec 2022 08:00:00 GMT</pubDate></item>
</channel></rss>`,
    });
    expect(run.posts).toEqual([
      { url: `${blog!.url}/entry/%EA%B0%80`, id: '31', lastmod: '2022-12-20T12:04:47+09:00', sources: ['rss'] },
      { url: `${blog!.url}/32`, id: '32', lastmod: '2022-12-21T08:00:00+00:00', sources: ['rss'] },
    ]);
  });

  it('reads an RSS feed of long escaped HTML bodies', async () => {
    const body = '&lt;p data-ke-size=&quot;size16&quot;&gt;긴 본문 &amp;amp; 코드&lt;/p&gt;'.repeat(4000);
    const items = Array.from(
      { length: 30 },
      (_, index) => `<item><link>ORIGIN/${index + 1}</link><description>${body}</description></item>`,
    ).join('');
    const run = await discover({
      postIds: [],
      rss: (origin) =>
        `<?xml version="1.0"?><rss version="2.0"><channel>${items.replaceAll('ORIGIN', origin)}</channel></rss>`,
    });
    expect(run.posts).toHaveLength(30);
  });

  it('counts links on the blog’s tistory.com name as its own, and no other blog’s', async () => {
    const alias = 'http://127.0.0.2:8080';
    const run = await discover({
      postIds: [3],
      tistoryUrl: alias,
      sidebarLinks: [
        `${alias}/entry/%EB%8B%A4%EB%A5%B8-%EC%9D%B4%EB%A6%84`,
        'https://someone-else.tistory.com/77',
        `${alias}/m/4#comment9`,
      ],
      sitemap: () => `<?xml version="1.0"?><urlset><url><loc>${alias}/5</loc></url></urlset>`,
    });
    expect(run.posts.map((post) => post.url.replace(blog!.url, ''))).toEqual([
      '/3',
      '/4',
      '/5',
      '/entry/%EB%8B%A4%EB%A5%B8-%EC%9D%B4%EB%A6%84',
    ]);
  });

  it('rejects when nothing at all can be read', async () => {
    blog = await startOddBlog({ postIds: [], everything: 503 });
    await expect(discoverPosts(blog.url, simpleFetcher())).rejects.toThrow(/could not be read/);
  });

  it('rejects when the blog does not answer', async () => {
    const closed = await startOddBlog({ postIds: [] });
    const url = closed.url;
    await closed.close();
    await expect(discoverPosts(url, simpleFetcher())).rejects.toThrow(/could not be read/);
  });
});

describe('discoverPosts follows the blog to where it answers', () => {
  let redirector: OddBlog | undefined;
  afterEach(async () => {
    await redirector?.close();
    redirector = undefined;
  });

  it('spells post URLs on the origin the front page redirected to', async () => {
    blog = await startOddBlog({ postIds: [8, 6] });
    const target = blog.url;
    const { createServer } = await import('node:http');
    const server = createServer((request, response) => {
      response.writeHead(301, { location: `${target}${request.url ?? '/'}` }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
    const address = server.address() as { port: number };
    redirector = {
      url: `http://127.0.0.2:${address.port}`,
      requests: [],
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
    const posts = await discoverPosts(redirector.url, simpleFetcher());
    expect(posts.map((post) => post.url)).toEqual([`${target}/6`, `${target}/8`]);
  });
});
