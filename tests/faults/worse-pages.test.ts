// A blog that answered well once and then serves pages that are not its posts: a maintenance page (200,
// a `.contents_style` box, none of the head facts every post page carries) for every post, or a post
// page whose body is empty. A re-run must keep every export the folder holds, say so and exit 1.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import type { ChangeReport, Manifest } from '../../src/types.js';
import { bodyMarker, reply, serveFaultBlog, type FaultPost } from './fault-blog.js';

/** What a blog host may answer for every address while it is down for work: a page, not a post. */
const MAINTENANCE_PAGE = `<!doctype html><html lang="ko"><head><meta charset="utf-8">
<title>서비스 점검 중 :: 장애 실험 블로그</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
</head><body id="tt-body-page">
<div id="wrap"><h2 class="screen_out">티스토리 뷰</h2>
<div class="hgroup"><h2 class="title-article">서비스 점검 안내</h2></div>
<div class="article-view"><div class="tt_article_useless_p_margin contents_style">
<p data-ke-size="size16">보다 안정적인 서비스를 위해 시스템 점검을 하고 있습니다.</p>
<p data-ke-size="size16">점검 시간: 02:00 ~ 06:00. 이용에 불편을 드려 죄송합니다.</p>
</div></div>
<div id="footer">Blog is powered by kakao / Designed by Tistory</div>
</div></body></html>`;

/** The post's own page with nothing left in its body but an empty line and an ad unit. */
function withEmptyBody(page: Buffer): Buffer {
  return Buffer.from(
    page
      .toString('utf8')
      .replace(
        /(<div class="tt_article_useless_p_margin contents_style">)[\s\S]*?(<\/div>\s*<div class="container_postbtn">)/,
        '$1\n<p data-ke-size="size16">&nbsp;</p>\n<div class="revenue_unit_wrap"><ins class="kakao_ad_area"></ins></div>\n$2',
      ),
  );
}

const MAINTENANCE_IDS = [41, 42, 43];
const EMPTIED_ID = 44;
const POSTS: FaultPost[] = [
  ...MAINTENANCE_IDS.map((id) => ({
    id,
    title: `${id}번 글`,
    replies: (page: Buffer) => [reply.page(page), reply.page(Buffer.from(MAINTENANCE_PAGE))],
  })),
  { id: EMPTIED_ID, title: '본문이 비워진 글', replies: (page) => [reply.page(page), reply.page(withEmptyBody(page))] },
];

const fault = serveFaultBlog(POSTS);

async function exportTo(outDir: string, ...extra: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const stream = (sink: string[]) => ({ write: (chunk: string) => (sink.push(chunk), true) });
  const code = await runCli(
    [fault.blog.url, '-o', outDir, '-f', 'markdown,jsonl', '--rate', '0', '--retries', '0', ...extra],
    {
      stdout: stream(out),
      stderr: stream(err),
    },
  );
  const read = (file: string) => readFile(join(outDir, file), 'utf8');
  const manifest = JSON.parse(await read('manifest.json')) as Manifest;
  const markdown: Record<string, string> = {};
  for (const post of manifest.posts) {
    const file = post.files.find((path) => path.endsWith('.md'));
    if (file) markdown[post.id] = await read(file);
  }
  return {
    code,
    stdout: out.join(''),
    stderr: err.join(''),
    manifest,
    changes: JSON.parse(await read('changes.json')) as ChangeReport,
    jsonl: await read('posts.jsonl'),
    markdown,
  };
}

describe('a re-run that gets pages without the article', () => {
  const outDir = mkdtemp(join(tmpdir(), 'te-worse-pages-'));
  let first: Awaited<ReturnType<typeof exportTo>>;
  let second: Awaited<ReturnType<typeof exportTo>>;

  beforeAll(async () => {
    first = await exportTo(await outDir);
    second = await exportTo(await outDir, '--full');
  }, 60_000);

  it('exported every post in full the first time', () => {
    expect(first.code, first.stderr).toBe(0);
    for (const post of POSTS) expect(first.markdown[String(post.id)]).toContain(bodyMarker(post.id));
  });

  it('asked for every post page again', () => {
    for (const post of POSTS) expect(fault.blog.attempts(post.id), `post ${post.id}`).toBe(2);
  });

  it('keeps every post file, posts.jsonl and the manifest rows as the first run wrote them', () => {
    expect(second.markdown).toEqual(first.markdown);
    expect(second.jsonl).toBe(first.jsonl);
    expect(second.jsonl).not.toContain('점검');
    expect(second.manifest.posts.map((post) => ({ ...post, warnings: undefined }))).toEqual(
      first.manifest.posts.map((post) => ({ ...post, warnings: undefined })),
    );
  });

  it('marks each post kept, with why, in the manifest and changes.json', () => {
    const reasons = Object.fromEntries(second.manifest.posts.map((post) => [post.id, post.warnings?.at(-1)]));
    for (const id of MAINTENANCE_IDS) expect(reasons[String(id)], `post ${id}`).toBe('kept: page had no article');
    expect(reasons[String(EMPTIED_ID)]).toMatch(/^kept: page had no article \(post body \(.+\) is empty/);
    expect(second.changes.kept.map((post) => [Number(post.id), post.error])).toEqual(
      POSTS.map((post) => [post.id, reasons[String(post.id)]]),
    );
    expect(second.changes.updated).toEqual([]);
    expect(second.changes.failed).toEqual([]);
  });

  it('warns in the summary and exits 1', () => {
    expect(second.code, second.stderr).toBe(1);
    expect(second.stdout).toMatch(/Changes: .*4 kept/);
    expect(second.stdout).toMatch(/4 posts now show less than the export, which is kept/);
    // The progress line says what happened to each post, not the status of the row it kept.
    expect(second.stdout + second.stderr).toMatch(/\] kept +41 {2}/);
    expect(second.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });
});
