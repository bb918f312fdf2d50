// When the desktop page of a post yields no body (a skin that renders it with script, an unknown
// container), Tistory's own mobile page `/m/{id}` is read before the post is called failed.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBlog } from '../../src/export.js';
import { mobileUrlOf } from '../../src/read/page-reader.js';

/** A skin that fills the post in with script: the served HTML has head facts but no body at all. */
function desktopPage(id: string, path = `/${id}`): string {
  return `<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8">
<title>스크립트 스킨 글 :: 모바일 블로그</title>
<meta property="og:title" content="스크립트 스킨 글">
<meta property="og:url" content="ORIGIN${path}">
<meta property="article:published_time" content="2024-05-01T10:20:30+09:00">
<meta property="article:txid" content="5551234_${id}">
<meta name="by" content="한결">
</head><body id="tt-body-page">
<div id="app" data-skin="spa"></div>
<aside><h3>공지사항</h3><h3>최근에 올라온 글</h3><div>Total</div><div>Today</div></aside>
<script>window.T={entryInfo:{"entryId":${id},"categoryId":1,"categoryLabel":"일상/기록"}}</script>
</body></html>`;
}

/** A table-layout skin with no body class or known container: only the paragraph scorer would find the post. */
function guessOnlyPage(id: string): string {
  return desktopPage(id).replace(
    '<div id="app" data-skin="spa"></div>',
    `<table><tr><td><div id="post_body_wrap">
<p>데스크톱 페이지의 본문은 클래스 없이 표 안에 들어 있다. 점수로만 짐작할 수 있다.</p>
<p>모바일 페이지가 있으면 짐작 대신 그쪽을 쓴다. 둘째 문단이다.</p></div></td></tr></table>`,
  );
}

function mobilePage(id: string, path = `/${id}`): string {
  return `<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8">
<title>스크립트 스킨 글</title>
<meta property="og:title" content="스크립트 스킨 글">
<meta property="og:url" content="ORIGIN/m${path}">
</head><body id="tt-body-page">
<div class="blogview_head"><h2 class="tit_blogview">스크립트 스킨 글</h2>
<a class="txt_category" href="/m/category/일상/기록">일상/기록</a><span class="txt_date">2024. 5. 1. 10:20</span></div>
<div class="blogview_content">
<div class="tt_article_useless_p_margin contents_style">
<p data-ke-size="size16">모바일 페이지에만 본문이 그대로 있다.</p>
<p data-ke-size="size16">두 번째 문단.</p>
</div>
<div class="container_postbtn">공감 공유하기 게시글 관리</div>
</div>
</body></html>`;
}

let server: Server;
let origin = '';
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push(path);
    const send = (status: number, body: string) =>
      response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(body.replaceAll('ORIGIN', origin));
    if (path === '/77' || path === '/78') return send(200, desktopPage(path.slice(1)));
    if (path === '/m/77') return send(200, mobilePage('77'));
    if (path === '/80') return send(200, guessOnlyPage('80'));
    if (path === '/m/80') return send(200, mobilePage('80'));
    if (path === '/notice/79') return send(200, desktopPage('79', path));
    if (path === '/m/notice/79') return send(200, mobilePage('79', '/notice/79'));
    return send(404, '<html><body>존재하지 않는 페이지입니다.</body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('mobile fallback', () => {
  it('takes the body from /m/{id} and keeps the desktop page facts', async () => {
    const out = await mkdtemp(join(tmpdir(), 'tistory-mobile-'));
    const result = await exportBlog({ source: `${origin}/77`, out, rate: 0 });
    const entry = result.manifest.posts[0]!;
    expect(entry.status).toBe('ok');
    expect(requests).toContain('/m/77');
    expect(entry.url).toBe(`${origin}/77`);
    expect(entry.warnings?.join(' ')).toMatch(/\/m\/77/);
    const markdown = await readFile(join(out, entry.files.find((file) => file.endsWith('.md'))!), 'utf8');
    expect(markdown).toContain('모바일 페이지에만 본문이 그대로 있다.');
    expect(markdown).toContain('두 번째 문단.');
    expect(markdown).toContain(`date: "2024-05-01T10:20:30+09:00"`);
    expect(markdown).not.toMatch(/공감|공지사항|Total/);
  });

  it('still calls the post failed when the mobile page has no body either', async () => {
    const out = await mkdtemp(join(tmpdir(), 'tistory-mobile-'));
    const result = await exportBlog({ source: `${origin}/78`, out, rate: 0 });
    expect(result.manifest.posts[0]?.status).toBe('failed');
    expect(result.manifest.posts[0]?.error).toMatch(/no post body/);
    expect(requests).toContain('/m/78');
  });

  it("prefers the mobile page's certain body to a guessed desktop one", async () => {
    const out = await mkdtemp(join(tmpdir(), 'tistory-mobile-'));
    const result = await exportBlog({ source: `${origin}/80`, out, rate: 0 });
    const entry = result.manifest.posts[0]!;
    expect(entry).toMatchObject({ status: 'ok', bodyFoundBy: 'skin', url: `${origin}/80` });
    expect(entry.warnings).toEqual([
      `the desktop page had no body the extractor could find for certain; the body was read from ${origin}/m/80`,
    ]);
    const markdown = await readFile(join(out, entry.files.find((file) => file.endsWith('.md'))!), 'utf8');
    expect(markdown).toContain('모바일 페이지에만 본문이 그대로 있다.');
    expect(markdown).not.toContain('데스크톱 페이지의 본문');
  });

  it('reads a notice from /m/notice/{id}, not the post address /m/{id}, and keeps it a notice', async () => {
    const out = await mkdtemp(join(tmpdir(), 'tistory-mobile-'));
    const result = await exportBlog({ source: `${origin}/notice/79`, out, rate: 0 });
    const entry = result.manifest.posts[0]!;
    expect(entry.status).toBe('ok');
    expect(entry.id).toBe('79');
    expect(entry.url).toBe(`${origin}/notice/79`);
    expect(requests).toContain('/m/notice/79');
    expect(requests).not.toContain('/m/79');
    const markdown = await readFile(join(out, entry.files.find((file) => file.endsWith('.md'))!), 'utf8');
    expect(markdown).toContain('type: notice');
    expect(markdown).toContain('모바일 페이지에만 본문이 그대로 있다.');
  });

  it('spells the mobile address by id, else by the entry slug; notices and pages by their own path', () => {
    expect(mobileUrlOf('https://a.tistory.com/entry/%EA%B8%80', '12')).toBe('https://a.tistory.com/m/12');
    expect(mobileUrlOf('https://a.tistory.com/entry/%EA%B8%80', null)).toBe('https://a.tistory.com/m/entry/%EA%B8%80');
    expect(mobileUrlOf('https://a.tistory.com/notice/16', '16')).toBe('https://a.tistory.com/m/notice/16');
    expect(mobileUrlOf('https://a.tistory.com/pages/about', '31')).toBe('https://a.tistory.com/m/pages/about');
    expect(mobileUrlOf('https://a.tistory.com/pages/%EC%97%B0%EB%9D%BD%EC%B2%98', 'page-연락처')).toBe(
      'https://a.tistory.com/m/pages/%EC%97%B0%EB%9D%BD%EC%B2%98',
    );
    expect(mobileUrlOf('https://a.tistory.com/guestbook', null)).toBeNull();
    expect(mobileUrlOf('https://a.tistory.com/notice', null)).toBeNull();
  });
});
