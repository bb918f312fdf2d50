// Which page the fixture blog answers for a request path: a pure function, so the server stays thin.

import { commentApiAnswer } from './fixture-comments.js';
import { isInCategory, listedPosts, samePath, type FixturePost } from './fixture-data.js';
import { renderRobots, renderRss, renderSitemap } from './fixture-feeds.js';
import { categoryPath, tagPath } from './fixture-paths.js';
import {
  renderGuestbookPage,
  renderListPage,
  renderNotFoundPage,
  renderPostPage,
  type ListPageRequest,
} from './fixture-pages.js';
import type { FixtureSite } from './fixture-site.js';

export interface FixtureResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const HTML = 'text/html;charset=UTF-8';
const MISSING_POST = '삭제되었거나 존재하지 않는 게시글입니다.';
const MISSING_PAGE = '존재하지 않는 페이지입니다.';

function respond(status: number, contentType: string, body: string): FixtureResponse {
  return { status, headers: { 'content-type': contentType }, body };
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment).normalize('NFC');
  } catch {
    return null;
  }
}

function pageNumber(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

function notFound(site: FixtureSite, message = MISSING_PAGE): FixtureResponse {
  return respond(404, HTML, renderNotFoundPage(site, message));
}

function postResponse(site: FixtureSite, post: FixturePost | undefined): FixtureResponse {
  if (!post || post.state === 'deleted') return notFound(site, MISSING_POST);
  return respond(200, HTML, renderPostPage(site, post));
}

function listResponse(
  site: FixtureSite,
  list: Omit<ListPageRequest, 'linkQuery'> & { linkQuery?: string },
): FixtureResponse {
  return respond(200, HTML, renderListPage(site, { linkQuery: '', ...list }));
}

function categoryResponse(site: FixtureSite, path: string[], page: number): FixtureResponse {
  const posts = listedPosts(site.blog);
  if (path.length === 0) {
    return listResponse(site, { path: '/category', bodyId: 'tt-body-category', conform: '분류 전체보기', posts, page });
  }
  const category = site.blog.categories.find((candidate) => samePath(candidate.path, path));
  if (!category) return notFound(site);
  return listResponse(site, {
    path: categoryPath(path),
    bodyId: 'tt-body-category',
    conform: path.join('/'),
    posts: posts.filter((post) => isInCategory(post, path)),
    page,
    // Tistory appends the category to post links inside a category list.
    linkQuery: `?category=${category.id}`,
  });
}

export function routeFixtureRequest(site: FixtureSite, requestUrl: string): FixtureResponse {
  const url = new URL(requestUrl, site.origin);
  const raw = url.pathname.split('/').slice(1);
  const segments = raw.map(decodeSegment);
  if (segments.some((segment) => segment === null)) return notFound(site);
  const [first = '', ...rest] = segments as string[];
  const page = pageNumber(url.searchParams.get('page'));
  const { blog } = site;

  if (url.pathname === '/robots.txt') return respond(200, 'text/plain; charset=utf-8', renderRobots(site));
  if (url.pathname === '/sitemap.xml') return respond(200, 'application/xml;charset=UTF-8', renderSitemap(site));
  if (url.pathname === '/rss') return respond(200, 'application/xml;charset=UTF-8', renderRss(site));
  if (first === 'm' && rest[0] === 'api' && rest[2] === 'comment' && rest.length === 3) {
    const answer = commentApiAnswer(blog, rest[1]!, url.searchParams.get('startId'));
    return respond(answer.status, 'application/json;charset=UTF-8', answer.body);
  }
  if (first === 'm' && rest.length > 0) {
    return { status: 302, headers: { location: `/${raw.slice(1).join('/')}${url.search}` }, body: '' };
  }
  if (url.pathname === '/') {
    return listResponse(site, {
      path: '/',
      bodyId: 'tt-body-index',
      conform: '전체 글',
      posts: listedPosts(blog),
      page,
    });
  }
  if (first === 'category')
    return categoryResponse(
      site,
      rest.filter((name) => name !== ''),
      page,
    );
  if (first === 'tag' && rest.length === 1) {
    const tag = rest[0]!;
    const posts = listedPosts(blog).filter((post) => post.tags.includes(tag));
    if (posts.length === 0) return notFound(site);
    return listResponse(site, { path: tagPath(tag), bodyId: 'tt-body-tag', conform: tag, posts, page });
  }
  if (url.pathname === '/guestbook') return respond(200, HTML, renderGuestbookPage(site));
  if (first === 'notice' && rest.filter((segment) => segment !== '').length === 0) {
    return listResponse(site, {
      path: '/notice',
      bodyId: 'tt-body-notice',
      conform: '공지사항',
      posts: blog.notices ?? [],
      page,
    });
  }
  if (first === 'notice' && rest.length === 1)
    return postResponse(
      site,
      blog.notices?.find((notice) => notice.id === rest[0]),
    );
  if (first === 'pages' && rest.length === 1) {
    return postResponse(
      site,
      blog.pages?.find((entry) => entry.slug.normalize('NFC') === rest[0]),
    );
  }
  if (/^\d+$/.test(first) && rest.length === 0)
    return postResponse(
      site,
      blog.posts.find((post) => post.id === first),
    );
  if (first === 'entry' && rest.length === 1) {
    return postResponse(
      site,
      blog.posts.find((post) => post.slug.normalize('NFC') === rest[0]),
    );
  }
  return notFound(site);
}
