// Old Tistory pages whose declared charset is not the one their bytes are in: each post must come out
// in readable Korean, or, when no encoding reads it cleanly, carry a warning instead of passing as ok.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import type { Manifest } from '../../src/types.js';
import { captureIo } from '../helpers/capture-io.js';
import { frontMatterOf } from '../helpers/front-matter.js';
import { startServer, type TestServer } from '../fetch/test-server.js';
import { encodeEucKr } from './euc-kr.js';
import { bodyMarker, startFaultBlog, type FaultBlog, type FaultPost, type Reply } from './fault-blog.js';

/** The page's text with its meta charset replaced, as bytes `encode` makes, under a Content-Type of `contentType`. */
function served(page: Buffer, metaCharset: string, encode: (text: string) => Buffer, contentType: string): Reply {
  const text = page.toString('utf8').replace('<meta charset="utf-8">', `<meta charset="${metaCharset}">`);
  const bytes = encode(text);
  return (_req, res) => {
    res.writeHead(200, { 'content-type': contentType }).end(bytes);
  };
}

const utf8 = (text: string) => Buffer.from(text);

/** EUC-KR throughout, with one byte in the body no encoding can read. */
function eucKrWithStrayByte(text: string): Buffer {
  const at = text.indexOf('장애가 나도');
  return Buffer.concat([encodeEucKr(text.slice(0, at)), Buffer.from([0xff]), encodeEucKr(text.slice(at))]);
}

const posts: FaultPost[] = [
  {
    id: 51,
    title: 'EUC-KR인데 UTF-8이라는 글',
    replies: (page) => [served(page, 'utf-8', encodeEucKr, 'text/html; charset=utf-8')],
  },
  {
    id: 52,
    title: 'UTF-8인데 EUC-KR이라는 글',
    replies: (page) => [served(page, 'euc-kr', utf8, 'text/html; charset=EUC-KR')],
  },
  { id: 53, title: 'cp949라고 쓴 옛 글', replies: (page) => [served(page, 'cp949', encodeEucKr, 'text/html')] },
  {
    id: 54,
    title: '어느 인코딩으로도 깨지는 글',
    replies: (page) => [served(page, 'utf-8', eucKrWithStrayByte, 'text/html; charset=utf-8')],
  },
  { id: 55, title: '멀쩡한 글' },
];

let external: TestServer;
let blog: FaultBlog;
let run: { code: number; outDir: string; manifest: Manifest; stdout: string; stderr: string };

beforeAll(async () => {
  external = await startServer({}, '127.0.0.2');
  blog = await startFaultBlog(posts, external.origin);
  const outDir = await mkdtemp(join(tmpdir(), 'te-charset-'));
  const capture = captureIo();
  const code = await runCli([blog.url, '-o', outDir, '-f', 'markdown', '--retries', '0', '--rate', '0'], capture.io);
  const manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')) as Manifest;
  run = { code, outDir, manifest, stdout: capture.out.join(''), stderr: capture.err.join('') };
}, 60_000);
afterAll(async () => {
  await blog.close();
  await external.close();
});

function entryOf(id: number) {
  const entry = run.manifest.posts.find((post) => post.id === String(id));
  expect(entry, `post ${id} in the manifest`).toBeDefined();
  return entry!;
}

async function markdownOf(id: number): Promise<string> {
  const file = entryOf(id).files.find((path) => path.endsWith('.md'));
  expect(file, `markdown file of post ${id}`).toBeDefined();
  return readFile(join(run.outDir, file!), 'utf8');
}

describe('pages whose declared charset lies', () => {
  it('exports every post, exit 0', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.manifest.posts.map((post) => [post.id, post.status])).toEqual(
      posts.map((post) => [String(post.id), 'ok']),
    );
  });

  it.each([51, 52, 53, 55])('reads post %i in clean Korean, title and body, with no warning', async (id) => {
    const markdown = await markdownOf(id);
    const title = posts.find((post) => post.id === id)!.title;
    expect(frontMatterOf(markdown).title).toBe(title);
    expect(markdown).toContain(bodyMarker(id));
    expect(markdown).toContain('장애가 나도 글은 살아남아야 한다.');
    expect(markdown).not.toContain('\uFFFD');
    expect(entryOf(id).warnings ?? []).toEqual([]);
  });

  it('reads a page no encoding decodes cleanly with the encoding that fits best, and records a warning', async () => {
    const markdown = await markdownOf(54);
    expect(frontMatterOf(markdown).title).toBe('어느 인코딩으로도 깨지는 글');
    expect(markdown).toContain(`${bodyMarker(54)}. \uFFFD장애가 나도`);
    const warning =
      'the page declares utf-8, but its bytes are not valid utf-8 or euc-kr; read as euc-kr, 1 undecodable byte sequence shown as U+FFFD';
    expect(entryOf(54).warnings).toEqual([warning]);
    expect(run.stderr).toContain(`warning: ${blog.url}/54: ${warning}\n`);
  });
});
