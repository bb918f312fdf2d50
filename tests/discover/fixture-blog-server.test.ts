import { readFileSync } from 'node:fs';
import { load } from 'cheerio';
import { afterEach, describe, expect, it } from 'vitest';
import { RATE_LIMITED_POST_ID, startFixtureBlog, type FixtureBlog } from '../../demo/blog/fixture-blog.js';

interface FixturePostRecord {
  id: string;
  slug: string;
  title: string;
  state: 'public' | 'protected' | 'deleted';
  categories: string[];
  published: string;
  editor: 'new' | 'old';
}

const fixturePosts = JSON.parse(
  readFileSync(new URL('../../fixtures/blog/posts.json', import.meta.url), 'utf8'),
) as FixturePostRecord[];
const bodyOf = (id: string) => readFileSync(new URL(`../../fixtures/blog/posts/${id}.html`, import.meta.url), 'utf8');
const byState = (state: FixturePostRecord['state']) => fixturePosts.filter((post) => post.state === state);
const textOf = (html: string) => load(html, null, false).root().text().replace(/\s+/g, ' ').trim();

let blog: FixtureBlog | undefined;
afterEach(async () => {
  await blog?.close();
  blog = undefined;
});

async function get(path: string, init: RequestInit = {}) {
  const response = await fetch(`${blog!.url}${path}`, init);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('fixture blog server', () => {
  it('answers 429 with Retry-After once for one post by default, then serves it', async () => {
    blog = await startFixtureBlog();
    const first = await get(`/${RATE_LIMITED_POST_ID}`);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('1');
    const second = await get(`/${RATE_LIMITED_POST_ID}`);
    expect(second.status).toBe(200);
    expect(blog.requests).toEqual([`/${RATE_LIMITED_POST_ID}`, `/${RATE_LIMITED_POST_ID}`]);
  });

  it('rate-limits the slug URL of that post when the blog uses slugs, and can be told not to', async () => {
    blog = await startFixtureBlog({ postUrlStyle: 'slug' });
    const post = fixturePosts.find((candidate) => candidate.id === RATE_LIMITED_POST_ID)!;
    expect((await get(`/entry/${encodeURIComponent(post.slug)}`)).status).toBe(429);
    await blog.close();
    blog = await startFixtureBlog({ failFirst: {} });
    expect((await get(`/${RATE_LIMITED_POST_ID}`)).status).toBe(200);
    await blog.close();
    blog = await startFixtureBlog({ failFirst: { '/rss': { status: 503 } } });
    expect((await get('/rss')).status).toBe(503);
    expect((await get('/rss')).status).toBe(200);
  });

  it('serves every public post at /<id> and /entry/<slug> with its body inside .contents_style', async () => {
    blog = await startFixtureBlog({ failFirst: {} });
    for (const post of byState('public')) {
      const byId = await get(`/${post.id}`);
      const bySlug = await get(`/entry/${encodeURIComponent(post.slug)}`);
      expect(byId.status, post.id).toBe(200);
      expect(bySlug.text).toBe(byId.text);
      const $ = load(byId.text);
      expect($('body').attr('id')).toBe('tt-body-page');
      expect($('meta[property="og:title"]').attr('content')).toBe(post.title);
      expect($('meta[property="article:txid"]').attr('content')).toMatch(new RegExp(`^\\d+_${post.id}$`));
      expect($('meta[property="article:published_time"]').attr('content')).toBe(post.published);
      const contents = $('.area_view .contents_style');
      expect(contents).toHaveLength(1);
      expect(contents.hasClass('tt_article_useless_p_margin')).toBe(post.editor === 'new');
      expect(textOf(contents.html() ?? '')).toBe(textOf(bodyOf(post.id)));
      expect($('strong.tit_category a').text()).toBe(post.categories.join('/') || '분류없음');
      const structured = JSON.parse($('script[type="application/ld+json"]').text()) as { headline: string };
      expect(structured.headline).toBe(post.title);
    }
  });

  it('renders the chrome around the post that must never reach an export', async () => {
    blog = await startFixtureBlog({ failFirst: {} });
    const { text } = await get(`/${byState('public')[0]!.id}`);
    for (const chrome of [
      '티스토리 뷰',
      '공지사항',
      '최근에 올라온 글',
      '최근에 달린 댓글',
      'Total',
      'Today',
      'Yesterday',
      '링크',
      'TAG',
      '글 보관함',
      '티스토리툴바',
      '728x90',
      '반응형',
      '구독하기',
      '카테고리의 다른 글',
    ]) {
      expect(text, chrome).toContain(chrome);
    }
    const $ = load(text);
    expect($('table.tt-calendar caption').text()).toMatch(/«\s+2025\/04\s+»/);
    expect($('ul.tt_category')).toHaveLength(1);
    expect($('div.menu_toolbar')).toHaveLength(1);
    expect($('[data-tistory-react-app="Comment"]')).toHaveLength(1);
  });

  it('shows a password form, not the body, for a protected post', async () => {
    blog = await startFixtureBlog({ failFirst: {} });
    for (const post of byState('protected')) {
      const { status, text } = await get(`/${post.id}`);
      expect(status).toBe(200);
      expect(text).toContain('보호되어 있는 글입니다.');
      expect(text).toContain(`id="entry${post.id}password"`);
      expect(text).toContain(`reloadEntry(${post.id})`);
      expect(text).not.toContain(textOf(bodyOf(post.id)).slice(0, 20));
      expect(load(text)('.contents_style')).toHaveLength(0);
    }
  });

  it('answers 404 with a "존재하지 않는" page for deleted posts and unknown paths', async () => {
    blog = await startFixtureBlog({ failFirst: {} });
    for (const path of [
      ...byState('deleted').map((post) => `/${post.id}`),
      '/999999',
      '/entry/no-such-post',
      '/nope',
      '/category/없는분류',
    ]) {
      const { status, text } = await get(path);
      expect(status, path).toBe(404);
      expect(text).toContain('존재하지 않는');
    }
  });

  it('redirects /m/ post URLs to the desktop page', async () => {
    blog = await startFixtureBlog({ failFirst: {} });
    const response = await fetch(`${blog.url}/m/41?category=3`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/41?category=3');
  });

  it('pages lists by five, with a next link on all but the last page and no posts past it', async () => {
    blog = await startFixtureBlog({ failFirst: {} });
    const listed = fixturePosts.filter((post) => post.state !== 'deleted');
    const lastPage = Math.ceil(listed.length / 5);
    const seen: string[] = [];
    for (let page = 1; page <= lastPage + 1; page++) {
      const $ = load((await get(`/?page=${page}`)).text);
      const links = $('a.link_post')
        .map((_i, element) => $(element).attr('href'))
        .get();
      seen.push(...links);
      expect($('a.link_next').attr('href')).toBe(page < lastPage ? `/?page=${page + 1}` : undefined);
      if (page > lastPage) expect(links).toEqual([]);
    }
    const newestFirst = [...listed].sort((a, b) => Date.parse(b.published) - Date.parse(a.published));
    expect(seen).toEqual(newestFirst.map((post) => `/${post.id}`));
  });

  it('lists a nested category with its sub-categories, post links carrying ?category=', async () => {
    blog = await startFixtureBlog({ failFirst: {} });
    const { status, text } = await get(`/category/${encodeURIComponent('개발')}`);
    expect(status).toBe(200);
    const $ = load(text);
    const expected = fixturePosts.filter((post) => post.state !== 'deleted' && post.categories[0] === '개발');
    const links = $('a.link_post')
      .map((_i, element) => $(element).attr('href'))
      .get();
    expect(links).toHaveLength(Math.min(5, expected.length));
    for (const link of links) expect(link).toMatch(/^\/\d+\?category=\d+$/);
    expect((await get(`/category/${encodeURIComponent('일상 기록')}`)).status).toBe(200);
  });

  it('serves robots.txt, a capped sitemap and a short RSS feed', async () => {
    blog = await startFixtureBlog({ failFirst: {} });
    const robots = (await get('/robots.txt')).text;
    for (const path of ['/owner', '/manage', '/admin', '/search', '/like'])
      expect(robots).toContain(`Disallow: ${path}\n`);
    const sitemap = (await get('/sitemap.xml')).text;
    expect(sitemap).toContain('<urlset');
    expect(sitemap).toContain(`${blog.url}/guestbook`);
    expect(sitemap).toMatch(/\/tag\//);
    const oldest = fixturePosts.reduce((a, b) => (Date.parse(a.published) < Date.parse(b.published) ? a : b));
    expect(sitemap).not.toContain(`<loc>${blog.url}/${oldest.id}</loc>`);
    const rss = (await get('/rss')).text;
    expect(rss).toMatch(/<pubDate>\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0900<\/pubDate>/);
    expect(rss).not.toContain(`<link>${blog.url}/${oldest.id}</link>`);
    for (const post of byState('protected')) expect(rss).not.toContain(`${blog.url}/${post.id}<`);
  });

  it('logs every request path and binds to 127.0.0.1 by default', async () => {
    blog = await startFixtureBlog({ failFirst: {} });
    expect(blog.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await get('/?page=2');
    await get('/entry/%EA%B0%80');
    expect(blog.requests).toEqual(['/?page=2', '/entry/%EA%B0%80']);
  });
});

describe('fixture blog server: notices and static pages', () => {
  const notices = JSON.parse(readFileSync(new URL('../../fixtures/blog/notices.json', import.meta.url), 'utf8')) as {
    id: string;
    title: string;
    inSitemap: boolean;
  }[];
  const pages = JSON.parse(readFileSync(new URL('../../fixtures/blog/pages.json', import.meta.url), 'utf8')) as {
    id: string;
    slug: string;
    title: string;
    inSitemap: boolean;
    statesId?: boolean;
  }[];
  const pagePath = (page: { slug: string }) => `/pages/${encodeURIComponent(page.slug)}`;

  it('serves each notice and page in the skin, chrome and all, with its body in .contents_style', async () => {
    blog = await startFixtureBlog({ failFirst: {} });
    for (const [path, entry] of [
      ...notices.map((notice) => [`/notice/${notice.id}`, notice] as const),
      ...pages.map((page) => [pagePath(page), page] as const),
    ]) {
      const page = await get(path);
      expect(page.status, path).toBe(200);
      const $ = load(page.text);
      expect($('body').attr('id')).toBe('tt-body-page');
      expect($('meta[property="og:url"]').attr('content')).toBe(`${blog.url}${path}`);
      expect($('meta[property="og:title"]').attr('content')).toBe(entry.title);
      expect(textOf($('.area_view .contents_style').html() ?? '')).toBe(textOf(bodyOf(entry.id)));
      const statesId = !('statesId' in entry) || entry.statesId !== false;
      expect($('meta[property="article:txid"]').length, path).toBe(statesId ? 1 : 0);
      expect(page.text.includes('window.T.entryInfo'), path).toBe(statesId);
      expect($('.box_notice').text()).toContain('공지사항');
    }
    expect((await get('/notice/3')).status).toBe(404);
    expect((await get('/pages/nothing')).status).toBe(404);
    expect((await get(`/${notices[0]!.id}`)).status).toBe(404);
  });

  it('links the newest notice from the sidebar, every notice from /notice, every page from the menu; the sitemap lists some', async () => {
    blog = await startFixtureBlog({ failFirst: {} });
    const hrefs = (html: string, selector: string) => {
      const $ = load(html);
      return $(selector)
        .map((_i, element) => $(element).attr('href'))
        .get();
    };
    const front = (await get('/')).text;
    expect(hrefs(front, '.box_notice a')).toEqual([`/notice/${notices[0]!.id}`]);
    expect(hrefs(front, '.list_gnb a')).toEqual(['/', ...pages.map(pagePath), '/tag', '/guestbook']);
    const list = await get('/notice');
    expect(list.status).toBe(200);
    expect(load(list.text)('body').attr('id')).toBe('tt-body-notice');
    expect(hrefs(list.text, 'a.link_post')).toEqual(notices.map((notice) => `/notice/${notice.id}`));
    const sitemap = (await get('/sitemap.xml')).text;
    for (const notice of notices)
      expect(sitemap.includes(`<loc>${blog.url}/notice/${notice.id}</loc>`), notice.id).toBe(notice.inSitemap);
    for (const page of pages)
      expect(sitemap.includes(`<loc>${blog.url}${pagePath(page)}</loc>`), page.slug).toBe(page.inSitemap);
    expect((await get('/rss')).text).not.toMatch(/\/notice\/|\/pages\//);
  });
});
