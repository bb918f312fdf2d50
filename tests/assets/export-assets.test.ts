import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureBlog, type FixtureBlog } from '../../demo/blog/fixture-blog.js';
import { cdnFile, loadCdnData, startFixtureCdn, type FixtureCdn } from '../../demo/blog/fixture-cdn.js';
import { exportBlog, type ExportOptions } from '../../src/export.js';
import { formatSummary } from '../../src/cli/summary.js';
import type { ExportResult, Manifest } from '../../src/types.js';
import { listFiles } from '../helpers/golden.js';

const DNA_PATH =
  'blog.kakaocdn.net/dna/bqZxYc/btsLmNoPqRs/AAAAAAAAAAAAAAAAAAAAAK1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p/img.png';
const CSV_PREVIEW = 'blog.kakaocdn.net/dn/dJk2Pq/btsNc4Rt8Vw/mYh5Gf1Ls3Za9Qx7Wc2Rv0/img.png';
const CSV_PREVIEW_AGAIN = 'blog.kakaocdn.net/dn/tY6uI8/btsKp2Wq4Er/Hj3Kl5Zx7Cv9Bn1Mq3We5R/img.png';
const ROUTE = 'blog.kakaocdn.net/dn/c8RtWq/btsMa1Zq3Xy/qLw9kS2dVb7nHx4FgTj6P0/img.png';
const BADGE = 't1.daumcdn.net/cfile/tistory/99A1B2335C7D8E9F10';

interface Run {
  result: ExportResult;
  outDir: string;
  manifest: Manifest;
  warnings: string[];
  file(path: string): string;
}

async function run(
  blog: FixtureBlog,
  cdn: FixtureCdn,
  options: Partial<ExportOptions> = {},
  outDir?: string,
): Promise<Run> {
  const out = outDir ?? (await mkdtemp(join(tmpdir(), 'te-assets-')));
  const warnings: string[] = [];
  const result = await exportBlog({
    source: blog.url,
    out,
    rate: 0,
    concurrency: 4,
    assetRate: 0,
    hostMap: cdn.hostMap,
    onEvent: (event) => {
      if (event.type === 'warning') warnings.push(event.message);
    },
    ...options,
  });
  return {
    result,
    outDir: out,
    manifest: result.manifest,
    warnings,
    file: (path) => readFileSync(join(out, path), 'utf8'),
  };
}

function assetsOf(manifest: Manifest, id: string) {
  return manifest.posts.find((post) => post.id === id)?.assets ?? [];
}

describe('images and attachments come home', () => {
  let blog: FixtureBlog;
  let cdn: FixtureCdn;
  let first: Run;

  beforeAll(async () => {
    blog = await startFixtureBlog({ failFirst: {} });
    // The route map answers 503 once: the download must be retried, not given up.
    cdn = await startFixtureCdn({ failFirst: { [ROUTE]: 503 } });
    first = await run(blog, cdn);
  });
  afterAll(() => Promise.all([blog.close(), cdn.close()]));

  it('downloads originals, never the thumbnail proxy, byte for byte', async () => {
    const data = await loadCdnData();
    expect(cdn.requests.some((request) => request.startsWith('img1.daumcdn.net/thumb/'))).toBe(false);
    const [dumulmeori] = assetsOf(first.manifest, '18');
    const original = cdnFile(
      data,
      'blog.kakaocdn.net',
      '/dn/bQx7Lm/btsz2KpWd9F/pZk3nV8RqYw1TmLc5HaUe0/img.jpg',
      new URLSearchParams(),
    );
    expect(original).not.toBeNull();
    expect(await readFile(join(first.outDir, dumulmeori!.file!))).toEqual((original as { body: Buffer }).body);
    expect(dumulmeori!.file).toMatch(/^assets\/dumulmeori-[0-9a-f]{8}\.jpg$/);
  });

  it('fetches a signed dna URL with its whole query and keeps the query out of the file name', async () => {
    const request = cdn.requests.find((path) => path.startsWith(DNA_PATH));
    expect(request).toContain('credential=yqXZFxpELC7KVnFOS48ylbz2pIh7yKj8');
    expect(request).toContain('signature=Qm9ndXNTaWduYXR1cmVGb3JUZXN0cw%3D%3D');
    const [terminal] = assetsOf(first.manifest, '7');
    expect(terminal!.file).toMatch(/^assets\/터미널-설정-[0-9a-f]{8}\.png$/);
    // The cover is the same image (og:image unwraps to it): one file, front matter and body agree.
    const markdown = first.file('markdown/맥북-개발-환경-세팅-기록.md');
    const local = `../${terminal!.file}`;
    expect(markdown).toContain(`cover: ${local}`);
    expect(markdown).toContain(`](${local})`);
    expect(markdown).not.toContain('kakaocdn');
  });

  it('stores the same bytes once across the blog, and asks for each URL once', async () => {
    const [again] = assetsOf(first.manifest, '29');
    const [preview] = assetsOf(first.manifest, '41');
    expect(again!.url).not.toBe(preview!.url);
    expect(again!.file).toBe(preview!.file);
    const assetFiles = (await listFiles(first.outDir)).filter((file) => file.startsWith('assets/'));
    expect(assetFiles.filter((file) => file.startsWith('assets/csv-preview-'))).toHaveLength(1);
    for (const path of [CSV_PREVIEW, CSV_PREVIEW_AGAIN])
      expect(cdn.requests.filter((request) => request === path)).toHaveLength(1);
  });

  it('gives an extensionless old cfile image the extension its bytes announce', async () => {
    const badge = assetsOf(first.manifest, '3').find((asset) => asset.url.endsWith('99A1B2335C7D8E9F10'));
    expect(badge!.file).toMatch(/^assets\/99A1B2335C7D8E9F10-[0-9a-f]{8}\.gif$/);
    expect((await readFile(join(first.outDir, badge!.file!))).subarray(0, 6).toString('latin1')).toBe('GIF89a');
    expect(cdn.requests).toContain(BADGE);
    // filename="책상.jpg" names the other one.
    expect(assetsOf(first.manifest, '3')[0]!.file).toMatch(/^assets\/책상-[0-9a-f]{8}\.jpg$/);
  });

  it('retries an image that answered 503 and stores it', () => {
    expect(cdn.requests.filter((request) => request === ROUTE)).toHaveLength(2);
    expect(assetsOf(first.manifest, '38')[0]!.file).toMatch(/^assets\/route-[0-9a-f]{8}\.png$/);
    expect(first.warnings).toEqual([]);
  });

  it('names an attachment after the file block and links it from the post', () => {
    const attachment = assetsOf(first.manifest, '38').find((asset) => asset.kind === 'attachment');
    expect(attachment!.file).toMatch(/^assets\/여행-일정-[0-9a-f]{8}\.xlsx$/);
    expect(first.file('markdown/봄맞이-여행-계획.md')).toContain(`](../${attachment!.file})`);
  });

  it('rewrites links between posts, whatever URL form they use, and leaves the rest alone', () => {
    const venv = first.file('markdown/python-가상환경-venv-사용법.md');
    expect(venv).toContain('[리스트 컴프리헨션 글](python-리스트-컴프리헨션-정리.md)'); // NAME.tistory.com/12
    const csv = first.file('markdown/python으로-csv-파일-다루기.md');
    expect(csv).toContain('[지난 글](python-가상환경-venv-사용법.md)'); // /entry/slug on the tistory address
    const comprehension = first.file('markdown/python-리스트-컴프리헨션-정리.md');
    expect(comprehension).toContain('[CSV 파일 다루기](python으로-csv-파일-다루기.md#pandas)'); // /m/41?category=…#pandas
    const promise = first.file('markdown/javascript-비동기-처리-정리-promise와-async-await.md');
    expect(promise).toContain('[리스트 컴프리헨션](python-리스트-컴프리헨션-정리.md)'); // relative /entry/… on an id blog
    const memo = first.file('markdown/자주-쓰는-단축키-메모.md');
    expect(memo).toContain(`[이전 안내 글](${blog.url}/26)`); // deleted: not exported, stays absolute
    expect(memo).toContain(`[개발 카테고리](${blog.url}/category/`); // not a post
    expect(csv).toContain('(https://docs.python.org/3/library/csv.html)');
  });

  it('writes redirects from every old URL of every exported post', () => {
    const csv = first.file('redirects.csv');
    expect(csv).toContain(`${blog.url}/41,/python으로-csv-파일-다루기/\r\n`);
    expect(csv).toContain(`${blog.url}/m/41,/python으로-csv-파일-다루기/\r\n`);
    expect(csv).not.toContain('/26,');
    expect(first.file('_redirects')).toContain(
      `/41  /python${encodeURIComponent('으로')}-csv-${encodeURIComponent('파일')}-`,
    );
    expect(first.file('redirects.nginx.conf')).toMatch(
      /map \$uri \$tistory_redirect \{[\s\S]*"\/m\/41" "\/python%EC%9C%BC%EB%A1%9C-csv-/,
    );
  });

  it('leaves no temp file and no spool folder behind', async () => {
    const files = await listFiles(first.outDir);
    expect(files.filter((file) => file.endsWith('.tmp') || file.includes('pending'))).toEqual([]);
  });

  it('does not download again on a re-run when the files are there with the right hash', async () => {
    const before = cdn.requests.length;
    const again = await run(blog, cdn, {}, first.outDir);
    expect(cdn.requests.length).toBe(before);
    expect(again.manifest.posts.map((post) => post.assets)).toEqual(first.manifest.posts.map((post) => post.assets));
  });

  it('keeps the stored files when every post is fetched again (--full), and when the saved state is gone', async () => {
    const before = cdn.requests.length;
    // The saved posts say which files are there; the manifest is not needed (nor read) for that.
    await rm(join(first.outDir, 'manifest.json'));
    const full = await run(blog, cdn, { full: true }, first.outDir);
    expect(full.manifest.posts.map((post) => post.assets)).toEqual(first.manifest.posts.map((post) => post.assets));
    // Only the manifest of the last run is left to say which files are there.
    await rm(join(first.outDir, '.tistory-export'), { recursive: true });
    const fresh = await run(blog, cdn, {}, first.outDir);
    expect(fresh.manifest.posts.map((post) => post.assets)).toEqual(first.manifest.posts.map((post) => post.assets));
    expect(cdn.requests.length).toBe(before);
  });
});

describe('image choices and failures', () => {
  let blog: FixtureBlog;
  let cdn: FixtureCdn;
  beforeAll(async () => {
    blog = await startFixtureBlog({ failFirst: {} });
    cdn = await startFixtureCdn();
  });
  afterAll(() => Promise.all([blog.close(), cdn.close()]));

  it('keeps the remote URL of an image that finally fails, listed in the manifest and the summary, and the post stays ok', async () => {
    // A 503 may pass: the next run tries again (a 404 would not be, see tests/state/plan.test.ts).
    const failing = await startFixtureCdn({ failFirst: { [ROUTE]: 503 } });
    try {
      const result = await run(blog, failing, { retries: 0 });
      const entry = result.manifest.posts.find((post) => post.id === '38')!;
      expect(entry.status).toBe('ok');
      expect(entry.assets![0]).toEqual({ url: `https://${ROUTE}`, kind: 'image', error: 'HTTP 503' });
      expect(entry.warnings).toEqual([expect.stringContaining(`https://${ROUTE}`)]);
      // Said once, by the summary at the end: no warning as the run goes.
      expect(result.warnings.some((warning) => warning.includes(ROUTE))).toBe(false);
      expect(result.file('markdown/봄맞이-여행-계획.md')).toContain(`](https://${ROUTE})`);
      expect(formatSummary(result.result, false)).toContain(
        `Images and files not downloaded, left at their original URL (1; the next run tries again those that may still come):\n  38\thttps://${ROUTE}\tHTTP 503\n`,
      );

      // The next run (the CDN answers now) fetches that post again and brings the image home.
      const pagesBefore = blog.requests.length;
      const again = await run(blog, failing, { retries: 0 }, result.outDir);
      expect(blog.requests.slice(pagesBefore).filter((path) => /^\/\d+$/.test(path))).toEqual(['/38']);
      const fixed = again.manifest.posts.find((post) => post.id === '38')!;
      expect(fixed.assets![0]!.file).toMatch(/^assets\/route-[0-9a-f]{8}\.png$/);
      expect(fixed.warnings).toBeUndefined();
      expect(again.file('markdown/봄맞이-여행-계획.md')).toContain(`](../${fixed.assets![0]!.file})`);
      expect(formatSummary(again.result, false)).not.toContain('not downloaded');
    } finally {
      await failing.close();
    }
  });

  it('--images remote downloads nothing and keeps the original (unwrapped) URLs', async () => {
    const before = cdn.requests.length;
    const result = await run(blog, cdn, { images: 'remote' });
    expect(cdn.requests.length).toBe(before);
    expect((await listFiles(result.outDir)).some((file) => file.startsWith('assets/'))).toBe(false);
    expect(result.file('markdown/봄맞이-여행-계획.md')).toContain(`cover: https://${ROUTE}`);
  });

  it('--images none leaves images out but keeps their captions', async () => {
    const result = await run(blog, cdn, { images: 'none' });
    const markdown = result.file('markdown/봄맞이-여행-계획.md');
    expect(markdown).not.toMatch(/!\[/);
    expect(markdown).not.toContain('cover:');
    expect(markdown).toContain('대략적인 이동 경로');
  });

  it('--asset-layout bundle puts each post in a folder with its files beside it, linked not copied', async () => {
    const result = await run(blog, cdn, { assetLayout: 'bundle' });
    const [preview] = assetsOf(result.manifest, '41');
    const bundled = `markdown/python으로-csv-파일-다루기/${preview!.file!.split('/')[1]}`;
    const markdown = result.file('markdown/python으로-csv-파일-다루기/index.md');
    expect(markdown).toContain(`](${bundled.split('/')[2]})`);
    expect(markdown).toContain('[지난 글](../python-가상환경-venv-사용법/index.md)');
    const [stored, placed] = await Promise.all([
      stat(join(result.outDir, preview!.file!)),
      stat(join(result.outDir, bundled)),
    ]);
    expect(placed.ino).toBe(stored.ino);
  });
});
