// Nightly backups with `--comments`: comments arrive without the post changing, so a run into a folder
// that holds the export asks for the comments of every kept post again (one API call each) without
// fetching its page; a failing API keeps the comments fetched before. The blog is served from data this
// test edits between runs, on the same address.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import type { CommentsDocument } from '../../src/comments/render.js';
import { startFixtureBlog, type FixtureBlog } from '../../demo/blog/fixture-blog.js';
import { startFixtureCdn, type FixtureCdn } from '../../demo/blog/fixture-cdn.js';
import type { FixtureCommentItem } from '../../demo/blog/fixture-comments.js';
import { loadFixtureBlog, type FixtureBlogData } from '../../demo/blog/fixture-data.js';
import type { ChangeReport, Manifest } from '../../src/types.js';
import { isCommentsFile, markdownFiles } from './comment-outputs.js';
import { captureIo } from '../helpers/capture-io.js';

const CSV_POST = '41';
const FAILING_POST = '7';
const NEW_COMMENT: FixtureCommentItem = {
  id: 18240001,
  writer: { name: '새독자', homepage: '' },
  content: 'CSV 글 잘 봤습니다! 다음엔 pandas 편도 기대할게요.',
  written: '2025-04-18 10:00:00',
  isSecret: false,
  children: [],
};
const FIRST_MAC_COMMENT: FixtureCommentItem = {
  id: 9120334,
  writer: { name: '맥린이', homepage: 'https://macrini.tistory.com' },
  content: 'Homebrew 설치 경로가 /opt/homebrew 로 바뀐 걸 몰라서 헤맸어요.',
  written: '2021-03-02 12:00:00',
  isSecret: false,
  children: [],
};

let data: FixtureBlogData;
let blog: FixtureBlog;
let cdn: FixtureCdn;
let outDir: string;

beforeAll(async () => {
  data = await loadFixtureBlog();
  [blog, cdn] = await Promise.all([startFixtureBlog({ blog: data, failFirst: {} }), startFixtureCdn()]);
  outDir = await mkdtemp(join(tmpdir(), 'te-comments-refresh-'));
});
afterAll(async () => {
  await Promise.all([blog.close(), cdn.close()]);
});

async function exportAgain(...extra: string[]) {
  const { out, io } = captureIo();
  const before = blog.requests.length;
  const code = await runCli(
    [
      blog.url,
      '-o',
      outDir,
      '-f',
      'markdown,jsonl,wxr',
      '--rate',
      '0',
      '--concurrency',
      '4',
      '--retries',
      '0',
      ...extra,
    ],
    io,
    {
      hostMap: cdn.hostMap,
    },
  );
  const read = (file: string) => readFile(join(outDir, file), 'utf8');
  const manifest = JSON.parse(await read('manifest.json')) as Manifest;
  const entry = (id: string) => manifest.posts.find((post) => post.id === id)!;
  const jsonl = (await read('posts.jsonl'))
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string; comments?: { id: string }[] });
  return {
    code,
    stdout: out.join(''),
    requests: blog.requests.slice(before),
    manifest,
    entry,
    changes: JSON.parse(await read('changes.json')) as ChangeReport,
    jsonlComments: (id: string) => jsonl.find((record) => record.id === id)!.comments,
    commentsJson: async (id: string) =>
      JSON.parse(
        await read(entry(id).files.find((file) => file.startsWith('markdown/') && isCommentsFile(file))!),
      ) as CommentsDocument,
    wxr: () => read('wxr/wordpress.xml'),
  };
}

const commentIds = (comments: readonly { id: string }[] | undefined) => (comments ?? []).map((comment) => comment.id);

describe('an incremental run with --comments', () => {
  let first: Awaited<ReturnType<typeof exportAgain>>;
  let second: Awaited<ReturnType<typeof exportAgain>>;
  let firstMarkdown: Map<string, string>;

  beforeAll(async () => {
    first = await exportAgain('--comments', 'json');
    firstMarkdown = await markdownFiles(outDir);
    data.comments!.posts[CSV_POST]!.push(NEW_COMMENT);
    data.comments!.posts[FAILING_POST] = [FIRST_MAC_COMMENT];
    data.comments!.failing = [];
    second = await exportAgain('--comments', 'json');
  });

  it('fetches no post page again, only each kept post’s comments', () => {
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    expect(second.requests.filter((path) => /^\/\d+$/.test(path))).toEqual([]);
    const asked = second.requests.filter((path) => path.startsWith('/m/api/'));
    const askable = second.manifest.posts.filter((post) => post.status === 'ok' && /^\d+$/.test(post.id)).length;
    expect(asked).toHaveLength(askable + 1); // post 29's thread has two pages
    expect(second.changes.unchanged).toHaveLength(second.manifest.posts.length);
  });

  it('names the kept posts whose comments changed in changes.json and the summary', () => {
    expect(first.changes.newComments).toEqual([]);
    expect(second.changes.newComments.map((post) => post.id)).toEqual([FAILING_POST, CSV_POST]);
    expect(second.stdout).toMatch(/Changes: .*2 with changed comments/);
  });

  it('writes the new comment into comments.json, posts.jsonl and the WXR file', async () => {
    expect(commentIds(first.jsonlComments(CSV_POST))).toEqual(['18203311', '18230112']);
    const expected = ['18203311', '18230112', String(NEW_COMMENT.id)];
    expect(commentIds(second.jsonlComments(CSV_POST))).toEqual(expected);
    const document = await second.commentsJson(CSV_POST);
    expect(commentIds(document.comments)).toEqual(expected);
    expect(document.count).toBe(4);
    expect(document.comments[2]).toEqual({
      id: '18240001',
      parentId: null,
      author: { name: '새독자', homepage: null },
      published: '2025-04-18T10:00:00+09:00',
      secret: false,
      text: 'CSV 글 잘 봤습니다! 다음엔 pandas 편도 기대할게요.',
      replies: [],
    });
    expect(await second.wxr()).toContain('<wp:comment_id>18240001</wp:comment_id>');
  });

  it('gives the post whose comments failed last time its comments, and drops its warning', async () => {
    expect(first.entry(FAILING_POST).warnings).toEqual([
      'comments not fetched (HTTP 500); the post is exported without them',
    ]);
    expect(first.jsonlComments(FAILING_POST)).toBeUndefined();
    expect(second.entry(FAILING_POST).warnings).toBeUndefined();
    expect(commentIds(second.jsonlComments(FAILING_POST))).toEqual(['9120334']);
    expect((await second.commentsJson(FAILING_POST)).comments[0]!.author).toEqual({
      name: '맥린이',
      homepage: 'https://macrini.tistory.com/',
    });
    expect(second.stdout).not.toContain('Posts whose comments');
  });

  it('leaves every post file as it was', async () => {
    expect(await markdownFiles(outDir)).toEqual(firstMarkdown);
  });

  describe('when the comment API then fails', () => {
    let third: Awaited<ReturnType<typeof exportAgain>>;
    beforeAll(async () => {
      data.comments!.failing = [CSV_POST];
      third = await exportAgain('--comments', 'json');
    });

    it('keeps the comments fetched before, with a warning in the manifest and the summary', async () => {
      expect(third.code).toBe(0);
      expect(third.changes.newComments).toEqual([]);
      const warning = 'comments not refreshed (HTTP 500); the ones fetched before are kept';
      expect(third.entry(CSV_POST).warnings).toEqual([warning]);
      expect(third.stdout).toContain(
        `Posts whose comments could not be fetched (1):\n  ${CSV_POST}\t${blog.url}/${CSV_POST}\t${warning}\n`,
      );
      const kept = ['18203311', '18230112', String(NEW_COMMENT.id)];
      expect(commentIds(third.jsonlComments(CSV_POST))).toEqual(kept);
      expect(commentIds((await third.commentsJson(CSV_POST)).comments)).toEqual(kept);
    });

    it('a later run without --comments asks nothing and writes no comments, removing no file', async () => {
      const fourth = await exportAgain();
      expect(fourth.code).toBe(0);
      expect(fourth.requests.filter((path) => path.startsWith('/m/api/'))).toEqual([]);
      expect(fourth.jsonlComments(CSV_POST)).toBeUndefined();
      expect(await fourth.wxr()).not.toContain('<wp:comment>');
      expect(commentIds((await fourth.commentsJson(CSV_POST)).comments)).toEqual([
        '18203311',
        '18230112',
        String(NEW_COMMENT.id),
      ]);
    });
  });
});

describe('an incremental run with --comments and --since', () => {
  const OLD_POST = '12';
  const OLD_POST_COMMENT: FixtureCommentItem = {
    ...FIRST_MAC_COMMENT,
    id: 9120400,
    content: '컴프리헨션 중첩은 어떻게 읽나요?',
  };
  let narrowed: Awaited<ReturnType<typeof exportAgain>>;

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'te-comments-since-'));
    data.comments!.failing = [];
    await exportAgain('--comments', 'json');
    data.comments!.posts[CSV_POST]!.push({ ...NEW_COMMENT, id: 18240002 });
    data.comments!.posts[OLD_POST] ??= [];
    data.comments!.posts[OLD_POST].push(OLD_POST_COMMENT);
    narrowed = await exportAgain('--comments', 'json', '--since', '2025-03-01');
  });

  it('asks again only about the kept posts dated (last changed) on or after it', () => {
    expect(narrowed.code).toBe(0);
    const asked = narrowed.requests
      .filter((path) => path.startsWith('/m/api/'))
      .map((path) => /^\/m\/api\/(\w+)\//.exec(path)?.[1]);
    // Notice 16 was written in 2021 but last changed in 2025.
    expect(asked.sort()).toEqual(['16', '38', CSV_POST, '42']);
    expect(commentIds(narrowed.jsonlComments(CSV_POST))).toContain('18240002');
    expect(commentIds(narrowed.jsonlComments(OLD_POST))).not.toContain(String(OLD_POST_COMMENT.id));
  });
});
