// Tiny blogs with the quirks discovery must survive, served on 127.0.0.1 for one test each.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Paging =
  /** Correct: links to page numbers, a next link on every page but the last. */
  | 'normal'
  /** The last page's "next" link points at the last page itself. */
  | 'next-to-self'
  /** Every page, even far past the end, links to page N+1. */
  | 'next-forever'
  /** No paging links at all (a skin with a JavaScript "more" button). */
  | 'none'
  /** The server ignores ?page and always answers page 1. */
  | 'ignores-page';

export interface OddBlogOptions {
  postIds: number[];
  pageSize?: number;
  paging?: Paging;
  /** Sitemap body, or a status to answer with. Default 404. */
  sitemap?: string | number | ((origin: string) => string);
  /** Extra XML documents by path (child sitemaps). */
  files?: Record<string, (origin: string) => string>;
  rss?: string | number | ((origin: string) => string);
  /** Origin the page scripts name as `TistoryBlog.tistoryUrl`. */
  tistoryUrl?: string;
  /** Extra links placed in every page's sidebar. */
  sidebarLinks?: string[];
  /** When set, every request answers this status. */
  everything?: number;
}

export interface OddBlog {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

function listPage(options: OddBlogOptions, listPath: string, requestedPage: number): string {
  const size = options.pageSize ?? 3;
  const paging = options.paging ?? 'normal';
  const page = paging === 'ignores-page' ? 1 : requestedPage;
  const lastPage = Math.max(1, Math.ceil(options.postIds.length / size));
  const shown = options.postIds.slice((page - 1) * size, page * size);
  const numbers: string[] = [];
  if (paging !== 'none') {
    for (let number = 1; number <= lastPage; number++)
      numbers.push(`<a href="${listPath}?page=${number}">${number}</a>`);
    const next =
      paging === 'next-forever' || paging === 'ignores-page'
        ? page + 1
        : page < lastPage
          ? page + 1
          : paging === 'next-to-self'
            ? page
            : null;
    if (next !== null) numbers.push(`<a class="link_next" href="${listPath}?page=${next}">다음</a>`);
  }
  // Sidebar: the newest posts on every page, as Tistory skins show them.
  const recent = options.postIds.slice(0, 2).map((id) => `<li><a href="/${id}">최근 글 ${id}</a></li>`);
  const extra = (options.sidebarLinks ?? []).map((href) => `<li><a href="${href}">링크</a></li>`);
  const tistoryBlog = options.tistoryUrl
    ? `<script>window.TistoryBlog = { basePath: "", url: "", tistoryUrl: "${options.tistoryUrl}" };</script>`
    : '';
  return `<!doctype html><html><head><meta charset="utf-8">${tistoryBlog}</head><body>
<ul class="list_post">${shown.map((id) => `<li><a href="/${id}?category=9" class="link_post">글 ${id}</a></li>`).join('')}</ul>
<div class="paging">${numbers.join(' ')}</div>
<aside><h3>최근에 올라온 글</h3><ul>${recent.join('')}${extra.join('')}</ul><a href="/category">분류 전체보기</a><a href="/tag/x">x</a></aside>
</body></html>`;
}

function document(value: string | number | ((origin: string) => string) | undefined, origin: string) {
  if (value === undefined) return { status: 404, body: 'not found' };
  if (typeof value === 'number') return { status: value, body: '' };
  return { status: 200, body: typeof value === 'function' ? value(origin) : value };
}

export async function startOddBlog(options: OddBlogOptions, host = '127.0.0.1'): Promise<OddBlog> {
  const requests: string[] = [];
  let origin = '';
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin);
    requests.push(`${url.pathname}${url.search}`);
    if (options.everything !== undefined) {
      response.writeHead(options.everything).end();
      return;
    }
    const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
    let answer: { status: number; body: string };
    if (url.pathname === '/' || url.pathname === '/category') {
      answer = { status: 200, body: listPage(options, url.pathname, page) };
    } else if (url.pathname === '/sitemap.xml') {
      answer = document(options.sitemap, origin);
    } else if (url.pathname === '/rss') {
      answer = document(options.rss, origin);
    } else if (options.files?.[url.pathname]) {
      answer = document(options.files[url.pathname], origin);
    } else {
      answer = { status: 404, body: '<html><body>존재하지 않는 페이지입니다.</body></html>' };
    }
    response.writeHead(answer.status, { 'content-type': 'text/html; charset=utf-8' }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
