import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureBlog, type FixtureBlog } from '../../demo/blog/fixture-blog.js';
import { loadFixtureBlog } from '../../demo/blog/fixture-data.js';
import { routeFixtureRequest } from '../../demo/blog/fixture-routes.js';
import { discoverPosts } from '../../src/discover/discover-posts.js';
import type { DiscoveryEvent } from '../../src/discover/events.js';
import type { DiscoveredPost } from '../../src/types.js';
import { simpleFetcher } from '../helpers/simple-fetcher.js';

interface FixturePostRecord {
  id: string;
  slug: string;
  state: 'public' | 'protected' | 'deleted';
  inSitemap: boolean;
}

const readFixture = <T>(name: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/blog/${name}`, import.meta.url), 'utf8')) as T;
const fixturePosts = readFixture<FixturePostRecord[]>('posts.json');
const fixtureNotices = readFixture<{ id: string; inSitemap: boolean }[]>('notices.json');
const fixturePages = readFixture<{ slug: string; inSitemap: boolean }[]>('pages.json');
const numerically = (a: string, b: string) => Number(a) - Number(b);
const postIds = fixturePosts.map((post) => post.id);
const noticeIds = fixtureNotices.map((notice) => notice.id);
const allIds = [...postIds].sort(numerically);
const pagePath = (page: { slug: string }) => `/pages/${encodeURIComponent(page.slug)}`;
/** Discovery takes no id from a notice's or a page's address: they come after the posts, by URL. */
const otherPaths = [...noticeIds.map((id) => `/notice/${id}`), ...fixturePages.map(pagePath)].sort();
const notInSitemap = fixturePosts.filter((post) => !post.inSitemap);
const deleted = fixturePosts.filter((post) => post.state === 'deleted');

describe('discoverPosts on the fixture blog (numeric post URLs)', () => {
  let blog: FixtureBlog;
  let found: DiscoveredPost[];
  const events: DiscoveryEvent[] = [];

  beforeAll(async () => {
    blog = await startFixtureBlog({ failFirst: {} });
    found = await discoverPosts(blog.url, simpleFetcher(), { onEvent: (event) => events.push(event) });
  });
  afterAll(() => blog.close());

  it('finds every post, public, protected and deleted, every notice and page, once each, sorted by id', () => {
    expect(found.map((post) => post.id)).toEqual([...allIds, ...otherPaths.map(() => null)]);
    expect(found.map((post) => post.url)).toEqual(
      [...allIds.map((id) => `/${id}`), ...otherPaths].map((path) => `${blog.url}${path}`),
    );
  });

  it('finds the notice the sidebar no longer shows through the /notice list alone', async () => {
    const [newest, ...older] = fixtureNotices;
    expect(older.length).toBeGreaterThan(0);
    const front = routeFixtureRequest({ origin: blog.url, blog: await loadFixtureBlog(), style: 'id' }, '/').body;
    expect(front).toContain(`href="/notice/${newest!.id}"`);
    for (const notice of older) {
      expect(front).not.toContain(`/notice/${notice.id}"`);
      const entry = found.find((candidate) => candidate.url === `${blog.url}/notice/${notice.id}`);
      expect(entry?.sources, notice.id).toEqual(notice.inSitemap ? ['sitemap', 'list'] : ['list']);
    }
    expect(found.find((candidate) => candidate.url === `${blog.url}/notice/${newest!.id}`)?.sources).toEqual([
      'sitemap',
      'list',
    ]);
    expect(blog.requests.filter((path) => path === '/notice')).toHaveLength(1);
  });

  it('finds static pages through the menu every page shows, and the sitemap where it lists them', () => {
    expect(fixturePages.some((page) => !page.inSitemap)).toBe(true);
    for (const page of fixturePages) {
      const entry = found.find((candidate) => candidate.url === `${blog.url}${pagePath(page)}`);
      expect(entry?.sources, page.slug).toEqual(page.inSitemap ? ['sitemap', 'list'] : ['list']);
      expect(entry?.id).toBeNull();
    }
  });

  it('finds the old posts a capped sitemap leaves out, from the list pages', () => {
    expect(notInSitemap.length).toBeGreaterThan(0);
    for (const post of notInSitemap) {
      const entry = found.find((candidate) => candidate.id === post.id);
      expect(entry?.sources, post.id).toContain('list');
      expect(entry?.sources, post.id).not.toContain('sitemap');
    }
  });

  it('finds the deleted post only through the sitemap, which still lists it', () => {
    for (const post of deleted) {
      expect(found.find((candidate) => candidate.id === post.id)?.sources).toEqual(['sitemap']);
    }
  });

  it('keeps the sitemap lastmod, else the RSS pubDate, with the +09:00 offset', () => {
    const withDates = found.filter((post) => post.lastmod !== null);
    expect(withDates.length).toBeGreaterThan(0);
    for (const post of withDates) expect(post.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
    const onlyListed = found.filter((post) => post.sources.length === 1 && post.sources[0] === 'list');
    for (const post of onlyListed) expect(post.lastmod).toBeNull();
  });

  it('reads every list to its last page and no further', () => {
    const listed = fixturePosts.filter((post) => post.state !== 'deleted').length;
    const lastPage = Math.ceil(listed / 5);
    expect(blog.requests).toContain(`/?page=${lastPage}`);
    // A list whose posts are all known already (here /category after /) is read to its end too.
    expect(blog.requests).toContain(`/category?page=${lastPage}`);
    expect(blog.requests).not.toContain(`/?page=${lastPage + 1}`);
    expect(blog.requests.filter((path) => path === '/')).toHaveLength(1);
    const ends = events.filter((event) => event.type === 'list-end');
    expect(ends.map((event) => event.type === 'list-end' && event.url.slice(blog.url.length))).toEqual([
      '/',
      '/category',
      '/notice',
    ]);
    expect(ends.map((event) => event.type === 'list-end' && event.reason)).toEqual([
      'last-page',
      'last-page',
      'last-page',
    ]);
  });

  it('never fetches a post page, a tag, a category or a disallowed path while discovering', () => {
    for (const path of blog.requests.filter((request) => request !== '/')) {
      expect(path).toMatch(/^\/(sitemap\.xml|rss|(category|notice)?(\?page=\d+)?)$/);
    }
  });

  it('reports what each feed gave', () => {
    const feeds = events.filter((event) => event.type === 'feed-read');
    expect(feeds.map((event) => event.type === 'feed-read' && event.source)).toEqual(['sitemap', 'rss']);
  });

  it('with too few list pages allowed, misses exactly the posts only late pages show', async () => {
    const shallow = await discoverPosts(blog.url, simpleFetcher(), { maxListPages: 1 });
    const missing = allIds.filter((id) => !shallow.some((post) => post.id === id));
    expect(missing.length).toBeGreaterThan(0);
    for (const id of missing) expect(notInSitemap.map((post) => post.id)).toContain(id);
  });
});

describe('discoverPosts on the fixture blog (/entry/<slug> post URLs)', () => {
  let blog: FixtureBlog;
  let found: DiscoveredPost[];

  beforeAll(async () => {
    blog = await startFixtureBlog({ postUrlStyle: 'slug', failFirst: {} });
    found = await discoverPosts(`${blog.url}/`, simpleFetcher());
  });
  afterAll(() => blog.close());

  it('finds every post once, under its slug URL, and notices and pages under their own', () => {
    const expected = [...fixturePosts.map((post) => `/entry/${encodeURIComponent(post.slug)}`), ...otherPaths].map(
      (path) => `${blog.url}${path}`,
    );
    expect(found.map((post) => post.url).sort()).toEqual(expected.sort());
  });

  it('keeps the id the RSS guid gives for an /entry/ link, and none where no source gives one', () => {
    const entries = found.filter((post) => post.url.includes('/entry/'));
    const fromRss = entries.filter((post) => post.sources.includes('rss'));
    expect(fromRss.length).toBeGreaterThan(0);
    for (const post of fromRss) {
      const record = fixturePosts.find((candidate) =>
        post.url.endsWith(`/entry/${encodeURIComponent(candidate.slug)}`),
      );
      expect(post.id).toBe(record?.id);
    }
    for (const post of entries.filter((candidate) => !candidate.sources.includes('rss'))) expect(post.id).toBeNull();
  });

  it('sorts posts with ids first (numerically), then the rest by URL', () => {
    const ids = found.map((post) => post.id);
    const firstNull = ids.indexOf(null);
    const known = ids.slice(0, firstNull) as string[];
    expect(known).toEqual([...known].sort(numerically));
    expect(ids.slice(firstNull).every((id) => id === null)).toBe(true);
    const rest = found.slice(firstNull).map((post) => post.url);
    expect(rest).toEqual([...rest].sort());
  });
});
