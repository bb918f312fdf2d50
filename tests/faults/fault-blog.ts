// A small Tistory blog whose post pages misbehave on purpose: each post answers its attempts with a
// scripted sequence of replies (server errors, 429s, resets, stalls, cut-off bodies, odd bytes).
// Pages follow the Book Club skeleton from the anatomy notes, chrome included.

import type http from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll } from 'vitest';
import { sequence, startServer, type Handler, type TestServer } from '../fetch/test-server.js';

export type Reply = Handler;

export interface FaultPost {
  id: number;
  title: string;
  /** Replies for attempt 1, 2, …; the last one repeats. Default: the page, every time. */
  replies?: (page: Buffer) => Reply[];
  /** Extra body HTML placed after the post's own paragraphs. */
  extraBody?: string;
}

export interface FaultBlog {
  url: string;
  server: TestServer;
  /** How many times a post page was requested. */
  attempts(id: number): number;
  close(): Promise<void>;
}

const html =
  (body: string | Buffer, status = 200, headers: http.OutgoingHttpHeaders = {}): Reply =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);
  };

/** Scripted replies; each is what one attempt gets. */
export const reply = {
  page: (page: Buffer): Reply => html(page),
  status: (status: number, headers: http.OutgoingHttpHeaders = {}): Reply =>
    html(`<html><body><h1>${status}</h1></body></html>`, status, headers),
  /** The connection dies before any response: ECONNRESET / "other side closed" on the client. */
  reset: (): Reply => (req) => {
    req.socket.destroy();
  },
  /** Headers at once, then nothing for `ms`: the client's timeout fires first. */
  stall:
    (ms: number, page: Buffer): Reply =>
    (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': page.length });
      res.write(page.subarray(0, 200));
      const timer = setTimeout(() => res.end(page.subarray(200)), ms);
      res.on('close', () => clearTimeout(timer));
    },
  /** Announces the full length, sends half, and hangs up. */
  truncated:
    (page: Buffer): Reply =>
    (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': page.length });
      res.write(page.subarray(0, Math.floor(page.length / 2)), () => res.destroy());
    },
  /** A gzip stream cut short: the bytes arrive whole, but do not decompress. */
  corruptGzip:
    (page: Buffer): Reply =>
    (_req, res) => {
      const zipped = gzipSync(page);
      const cut = zipped.subarray(0, Math.floor(zipped.length / 2));
      res
        .writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-encoding': 'gzip',
          'content-length': cut.length,
        })
        .end(cut);
    },
  empty: (): Reply => html(''),
};

const SIDEBAR = `<aside id="sidebar">
<div class="box_notice"><h3><a href="/notice">공지사항</a></h3><ul></ul></div>
<div class="box_recent"><h3>최근에 올라온 글</h3><ul>__RECENT__</ul></div>
<div class="box_count">Total <span>12,345</span> Today <span>12</span> Yesterday <span>34</span></div>
<div class="box_link"><h3>링크</h3><ul>__LINKS__</ul></div>
</aside>`;

function chrome(posts: readonly FaultPost[], externalOrigin: string): string {
  const recent = posts
    .slice(0, 3)
    .map((post) => `<li><a href="/${post.id}">${post.title}</a></li>`)
    .join('');
  const links = `<li><a href="${externalOrigin}/friend-blog">이웃 블로그</a></li><li><a href="${externalOrigin}/99">다른 사이트의 99번 글</a></li>`;
  return SIDEBAR.replace('__RECENT__', recent).replace('__LINKS__', links);
}

/** Phrases that only the post body carries, so a test can check nothing of it went missing. */
export function bodyMarker(id: number): string {
  return `${id}번 글의 본문 첫 문단입니다`;
}

function postPage(post: FaultPost, posts: readonly FaultPost[], externalOrigin: string): string {
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8">
<title>${post.title} :: 장애 실험 블로그</title>
<meta property="og:title" content="${post.title}">
<meta property="og:url" content="__ORIGIN__/${post.id}">
<meta property="article:txid" content="7654321_${post.id}">
<meta property="article:published_time" content="2024-03-0${(post.id % 9) + 1}T10:00:00+09:00">
<meta name="by" content="실험자">
<script>window.TistoryBlog = { basePath: "", url: "__ORIGIN__", tistoryUrl: "https://faults.tistory.com" };</script>
<script>window.T.entryInfo = {"entryId":${post.id},"categoryId":0,"categoryLabel":""};</script>
</head><body id="tt-body-page">
<div id="wrap"><h2 class="screen_out">티스토리 뷰</h2>
<div class="hgroup"><h2 class="title-article">${post.title}</h2><p class="date">2024. 3. 1. 10:00</p></div>
<div class="article-view">
<!-- System - START --><div class="revenue_unit_wrap"><ins class="kakao_ad_area"></ins>728x90</div><!-- System - END -->
<div class="tt_article_useless_p_margin contents_style">
<p data-ke-size="size16">${bodyMarker(post.id)}. 장애가 나도 글은 살아남아야 한다.</p>
<p data-ke-size="size16">참고한 곳: <a href="${externalOrigin}/reference/${post.id}">외부 자료</a>, <a href="https://example.invalid/never">없는 사이트</a></p>
<figure data-ke-type="opengraph" data-og-url="${externalOrigin}/card/${post.id}" data-og-title="링크 카드"><a href="${externalOrigin}/card/${post.id}"><div class="og-text"><p class="og-title">링크 카드</p><p class="og-host">external</p></div></a></figure>
${post.extraBody ?? ''}
</div>
<div class="container_postbtn"><button>공감</button><button>구독하기</button></div>
<div class="another_category"><h4>'분류' 카테고리의 다른 글</h4></div>
</div>
${chrome(posts, externalOrigin)}
<div id="footer">Blog is powered by kakao / Designed by Tistory</div>
</div></body></html>`;
}

function listPage(posts: readonly FaultPost[], externalOrigin: string): string {
  const items = posts.map((post) => `<li><a class="link_post" href="/${post.id}">${post.title}</a></li>`).join('');
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>장애 실험 블로그</title>
<script>window.TistoryBlog = { basePath: "", url: "__ORIGIN__", tistoryUrl: "https://faults.tistory.com" };</script>
</head><body id="tt-body-index"><ul class="list_post">${items}</ul>${chrome(posts, externalOrigin)}</body></html>`;
}

function sitemap(origin: string, posts: readonly FaultPost[], externalOrigin: string): string {
  const urls = posts.map(
    (post) => `<url><loc>${origin}/${post.id}</loc><lastmod>2024-03-01T10:00:00+09:00</lastmod></url>`,
  );
  // A foreign URL in the sitemap is not a post of this blog and must not be fetched.
  urls.push(`<url><loc>${externalOrigin}/77</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('')}</urlset>`;
}

function rss(origin: string, posts: readonly FaultPost[], externalOrigin: string): string {
  const items = posts
    .slice(0, 2)
    .map(
      (post) =>
        `<item><title>${post.title}</title><link>${origin}/${post.id}</link><guid>${origin}/${post.id}</guid><pubDate>Fri, 01 Mar 2024 10:00:00 +0900</pubDate></item>`,
    );
  items.push(`<item><title>남의 글</title><link>${externalOrigin}/entry/other</link></item>`);
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>장애 실험 블로그</title><link>${origin}</link>${items.join('')}</channel></rss>`;
}

/** `extraRoutes`: more paths the blog answers (query included), e.g. its comment API. */
export async function startFaultBlog(
  posts: readonly FaultPost[],
  externalOrigin: string,
  extraRoutes: Record<string, Handler> = {},
): Promise<FaultBlog> {
  const routes: Record<string, Handler> = { ...extraRoutes };
  const server = await startServer(routes);
  const origin = server.origin;
  const withOrigin = (text: string) => text.replaceAll('__ORIGIN__', origin);
  routes['/'] = html(withOrigin(listPage(posts, externalOrigin)));
  routes['/category'] = routes['/'];
  routes['/sitemap.xml'] = html(sitemap(origin, posts, externalOrigin), 200, { 'content-type': 'application/xml' });
  routes['/rss'] = html(rss(origin, posts, externalOrigin), 200, { 'content-type': 'application/rss+xml' });
  routes['/robots.txt'] = html('User-agent: *\nDisallow: /manage\nDisallow: /owner\n', 200, {
    'content-type': 'text/plain',
  });
  for (const post of posts) {
    const page = Buffer.from(withOrigin(postPage(post, posts, externalOrigin)));
    routes[`/${post.id}`] = sequence(...(post.replies?.(page) ?? [reply.page(page)]));
  }
  return {
    url: origin,
    server,
    attempts: (id) => server.requestsTo(`/${id}`).length,
    close: () => server.close(),
  };
}

export interface ServedFaultBlog {
  blog: FaultBlog;
  /** The second host (127.0.0.2) the posts' images and links point at. */
  external: TestServer;
}

/** A fault blog and its second host, started before the file's tests and closed after them; read the fields inside tests. */
export function serveFaultBlog(posts: readonly FaultPost[]): ServedFaultBlog {
  const served = {} as ServedFaultBlog;
  beforeAll(async () => {
    served.external = await startServer({}, '127.0.0.2');
    served.blog = await startFaultBlog(posts, served.external.origin);
  });
  afterAll(async () => {
    await Promise.all([served.blog?.close(), served.external?.close()]);
  });
  return served;
}
