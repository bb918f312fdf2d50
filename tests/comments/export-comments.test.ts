// `--comments` end to end: the fixture blog's comment API (paged threads, replies, a secret comment, a
// homepage, posts without comments, one post whose API answers 500) exported into jsonl, wxr and the
// Markdown formats, in both Markdown placements, next to a run without the option.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { startFixtureBlog, type FixtureBlog } from '../../demo/blog/fixture-blog.js';
import { startFixtureCdn, type FixtureCdn } from '../../demo/blog/fixture-cdn.js';
import type { Manifest } from '../../src/types.js';
import { buildHugo, buildJekyll, builtPage } from '../formats/build-tools.js';
import { listFiles } from '../helpers/golden.js';
import { compareCommentOutputs, isCommentsFile, markdownFiles, SECTION_HEADING } from './comment-outputs.js';
import { compareIds } from '../../src/names.js';
import { captureIo } from '../helpers/capture-io.js';
import { itWith } from '../helpers/outside-programs.js';

const FORMATS = 'markdown,jsonl,wxr,hugo,jekyll';
const FAILING_POST = '7';
const PAGED_POST = '29';
const PROTECTED_POST = '33';
const SECRET_TEXTS = ['anon.dev@example.com', '메일 드렸어요', '회사 데이터라'];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  outDir: string;
  /** Paths the blog was asked for during this run. */
  requests: string[];
  manifest: Manifest;
  read(file: string): Promise<string>;
}

let blog: FixtureBlog;
let cdn: FixtureCdn;

async function exportRun(...extra: string[]): Promise<Run> {
  const outDir = await mkdtemp(join(tmpdir(), 'te-comments-'));
  const { out, err, io } = captureIo();
  const before = blog.requests.length;
  const code = await runCli(
    [blog.url, '-o', outDir, '--rate', '0', '--concurrency', '4', '--retries', '1', '-f', FORMATS, ...extra],
    io,
    {
      hostMap: cdn.hostMap,
    },
  );
  const read = (file: string) => readFile(join(outDir, file), 'utf8');
  return {
    code,
    stdout: out.join(''),
    stderr: err.join(''),
    outDir,
    requests: blog.requests.slice(before),
    manifest: JSON.parse(await read('manifest.json')) as Manifest,
    read,
  };
}

const apiRequests = (run: Run) => run.requests.filter((path) => path.startsWith('/m/api/'));

let plain: Run;
let json: Run;
let section: Run;
beforeAll(async () => {
  [blog, cdn] = await Promise.all([startFixtureBlog({ failFirst: {} }), startFixtureCdn()]);
  plain = await exportRun();
  json = await exportRun('--comments', 'json');
  section = await exportRun('--comments', 'section');
}, 120_000);
afterAll(async () => {
  await Promise.all([blog.close(), cdn.close()]);
});

/**
 * The WXR post items without their comments. Attachment ids follow the order posts finish in, which
 * differs between two runs, so attachment items and the featured image's id are left out.
 */
function wxrPostsWithoutComments(xml: string): string[] {
  return xml
    .split('<item>')
    .slice(1)
    .filter((item) => !item.includes('<wp:post_type><![CDATA[attachment]]></wp:post_type>'))
    .map((item) =>
      item
        .replace(/<wp:comment>[\s\S]*?<\/wp:comment>\n/g, '')
        .replace(/^<wp:postmeta><wp:meta_key><!\[CDATA\[_thumbnail_id\]\]>.*\n/m, ''),
    )
    .sort();
}

function jsonlWithoutComments(jsonl: string): Record<string, unknown>[] {
  return jsonl
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .map(({ comments: _comments, ...record }) => record)
    .sort((a, b) => compareIds(String(a['id']), String(b['id'])));
}

describe('without --comments', () => {
  it('asks the comment API nothing and writes no comment anywhere', async () => {
    expect(plain.code, plain.stderr).toBe(0);
    expect(apiRequests(plain)).toEqual([]);
    const files = await listFiles(plain.outDir);
    expect(files.filter(isCommentsFile)).toEqual([]);
    for (const [file, markdown] of await markdownFiles(plain.outDir))
      expect(markdown, file).not.toContain(SECTION_HEADING);
    expect(await plain.read('posts.jsonl')).not.toContain('"comments"');
    expect(await plain.read('wxr/wordpress.xml')).not.toContain('<wp:comment>');
    expect(plain.stdout).not.toContain('Posts whose comments');
  });
});

describe('--comments json', () => {
  it('exits 0 and writes exactly the golden comment outputs (comments.json files, jsonl field, wp:comment, manifest)', async () => {
    expect(json.code, json.stderr).toBe(0);
    await compareCommentOutputs(json.outDir, 'json', blog.url);
  });

  it('leaves every post file, jsonl field and WXR element as the run without comments wrote it', async () => {
    expect(await markdownFiles(json.outDir)).toEqual(await markdownFiles(plain.outDir));
    expect(jsonlWithoutComments(await json.read('posts.jsonl'))).toEqual(
      jsonlWithoutComments(await plain.read('posts.jsonl')),
    );
    const wxrPosts = wxrPostsWithoutComments(await json.read('wxr/wordpress.xml'));
    expect(wxrPosts).toHaveLength(json.manifest.posts.filter((post) => post.status === 'ok').length);
    expect(wxrPosts).toEqual(wxrPostsWithoutComments(await plain.read('wxr/wordpress.xml')));
  });

  it('exports the post whose comment API fails, with a warning in the manifest and the summary', async () => {
    const failing = json.manifest.posts.find((post) => post.id === FAILING_POST)!;
    expect(failing.status).toBe('ok');
    expect(failing.warnings).toEqual(['comments not fetched (HTTP 500); the post is exported without them']);
    expect(failing.files.filter(isCommentsFile)).toEqual([]);
    expect(failing.files.some((file) => file.startsWith('markdown/') && file.endsWith('.md'))).toBe(true);
    // Asked, and asked again once (--retries 1), like any 5xx.
    expect(apiRequests(json).filter((path) => path.startsWith(`/m/api/${FAILING_POST}/`))).toHaveLength(2);
    expect(json.stdout).toContain(
      `Posts whose comments could not be fetched (1):\n  ${FAILING_POST}\t${blog.url}/${FAILING_POST}\tcomments not fetched (HTTP 500); the post is exported without them\n`,
    );
  });

  it('follows nextId to the second page, and never asks for a protected or deleted post', () => {
    const asked = apiRequests(json);
    expect(asked.filter((path) => path.startsWith(`/m/api/${PAGED_POST}/`))).toEqual([
      `/m/api/${PAGED_POST}/comment?startId=`,
      `/m/api/${PAGED_POST}/comment?startId=17755020`,
    ]);
    expect(asked.some((path) => path.startsWith(`/m/api/${PROTECTED_POST}/`))).toBe(false);
    expect(asked.some((path) => path.startsWith('/m/api/26/'))).toBe(false);
    const askable = json.manifest.posts.filter((post) => post.status === 'ok' && /^\d+$/.test(post.id)).length;
    // One request per exported post that has an id, one more for the second page, one retry.
    expect(asked).toHaveLength(askable + 2);
  });

  it('writes WXR comments WordPress can import: replies point at a comment of the same post, secret ones held back', async () => {
    const parser = new XMLParser({
      ignoreAttributes: false,
      cdataPropName: '#cdata',
      parseTagValue: false,
      isArray: (name) => ['item', 'wp:comment'].includes(name),
    });
    type Item = Record<string, unknown> & { 'wp:comment'?: Record<string, unknown>[] };
    const channel = (parser.parse(await json.read('wxr/wordpress.xml')) as { rss: { channel: { item: Item[] } } }).rss
      .channel;
    const text = (node: unknown): string =>
      typeof node === 'object' && node !== null
        ? String((node as Record<string, unknown>)['#cdata'] ?? '')
        : String(node ?? '');
    const byPost = new Map(channel.item.map((item) => [String(item['wp:post_id']), item['wp:comment'] ?? []]));
    expect(byPost.get(PAGED_POST)).toHaveLength(11);
    for (const [postId, comments] of byPost) {
      const ids = new Set(comments.map((comment) => String(comment['wp:comment_id'])));
      for (const comment of comments) {
        const parent = String(comment['wp:comment_parent']);
        expect(parent === '0' || ids.has(parent), `post ${postId}: parent ${parent}`).toBe(true);
      }
    }
    const secret = byPost.get(PAGED_POST)!.filter((comment) => String(comment['wp:comment_approved']) === '0');
    expect(
      secret.map((comment) => [
        String(comment['wp:comment_id']),
        String(comment['wp:comment_parent']),
        text(comment['wp:comment_content']),
      ]),
    ).toEqual([
      ['16011876', '0', '비밀 댓글입니다.'],
      ['16012004', '16011876', '비밀 댓글입니다.'],
    ]);
  });

  itWith(
    'hugo',
    'builds with the real Hugo, publishing each comments.json beside its page',
    async () => {
      const publicDir = await buildHugo(join(json.outDir, 'hugo'));
      const bundles = json.manifest.posts.flatMap((post) =>
        post.files.filter((file) => file.startsWith('hugo/') && isCommentsFile(file)),
      );
      expect(bundles.length).toBeGreaterThanOrEqual(9);
      for (const file of bundles) {
        const slug = file.split('/').at(-2)!;
        expect(await readFile(join(publicDir, slug, 'comments.json'), 'utf8'), file).toBe(await json.read(file));
      }
    },
    120_000,
  );

  itWith(
    'jekyll',
    'builds with the real Jekyll, which neither reads nor publishes the comment files',
    async () => {
      const siteDir = await buildJekyll(join(json.outDir, 'jekyll'));
      const built = await listFiles(siteDir);
      expect(built.filter((file) => /comment/i.test(file))).toEqual([]);
      const plainSite = await listFiles(await buildJekyll(join(plain.outDir, 'jekyll')));
      expect(built).toEqual(plainSite);
    },
    120_000,
  );
});

describe('--comments section', () => {
  it('exits 0 and appends exactly the golden 댓글 sections, with no comments.json', async () => {
    expect(section.code, section.stderr).toBe(0);
    await compareCommentOutputs(section.outDir, 'section', blog.url);
    expect((await listFiles(section.outDir)).filter(isCommentsFile)).toEqual([]);
  });

  it('changes nothing of a post file but the section at its end', async () => {
    const withSections = await markdownFiles(section.outDir);
    const sections = [...withSections.values()].filter((markdown) => markdown.includes(SECTION_HEADING));
    const withComments = (await section.read('posts.jsonl'))
      .split('\n')
      .filter((line) => /"comments":\[\{/.test(line)).length;
    expect(withComments).toBeGreaterThanOrEqual(4);
    expect(sections.length).toBe(withComments * 3); // in markdown, hugo and jekyll
    const stripped = new Map(
      [...withSections].map(([file, markdown]) => [file, markdown.replace(/\n## 댓글\n[\s\S]*$/, '')]),
    );
    expect(stripped).toEqual(await markdownFiles(plain.outDir));
  });

  itWith(
    ['hugo', 'jekyll'],
    'shows the comments on the pages Hugo and Jekyll build',
    async () => {
      const slug = section.manifest.posts
        .find((post) => post.id === PAGED_POST)!
        .files.find((file) => file.startsWith('markdown/'))!;
      const name = slug.slice('markdown/'.length, -'.md'.length);
      for (const siteDir of [
        await buildHugo(join(section.outDir, 'hugo')),
        await buildJekyll(join(section.outDir, 'jekyll')),
      ]) {
        const page = await builtPage(join(siteDir, name, 'index.html'));
        expect(page.text).toContain('요즘은 uv venv 도 빨라서 좋아요.');
        expect(page.text).toContain('비밀 댓글입니다.');
        for (const secret of SECRET_TEXTS) expect(page.text).not.toContain(secret);
      }
    },
    120_000,
  );
});

describe('secret comments', () => {
  it('leave their text nowhere: not in any output, not in the saved state', async () => {
    for (const run of [json, section]) {
      for (const file of await listFiles(run.outDir)) {
        const text = await run.read(file);
        for (const secret of SECRET_TEXTS) expect(text, `${secret} in ${file}`).not.toContain(secret);
      }
    }
  });
});

describe('bad --comments values', () => {
  it('exit 2 with one line naming the choices', async () => {
    const err: string[] = [];
    const io = { stdout: { write: () => true }, stderr: { write: (chunk: string) => (err.push(chunk), true) } };
    expect(await runCli([blog.url, '--comments', 'yes'], io)).toBe(2);
    expect(err.join('')).toBe('tistory-export: --comments must be one of off, json, section, got "yes"\n');
  });
});
