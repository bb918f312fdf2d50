// A post whose body only the paragraph scorer found is exported, and says so: the manifest row names how
// each body was found, the guessed one carries a warning, and the closing summary lists it for review.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../src/cli/summary.js';
import { exportBlog } from '../../src/export.js';
import { GUESSED_BODY_WARNING } from '../../src/extract/find-body.js';
import type { FetchResponse, Fetcher } from '../../src/types.js';
import { CHROME_STRINGS } from '../helpers/chrome-strings.js';
import { loadPageFixture } from '../helpers/page-fixtures.js';

/** The fixture pages at their own addresses; anything else (the `/m/` twins among them) is a 404. */
function fixtureFetcher(names: readonly string[]): Fetcher & { requested: string[] } {
  const requested: string[] = [];
  const pages = new Map(
    names.map((name) => {
      const page = loadPageFixture(name);
      return [page.fetchedUrl, page.html] as const;
    }),
  );
  return {
    requested,
    async get(url) {
      requested.push(url);
      const html = pages.get(url);
      const body = Buffer.from(html ?? 'not found');
      const response: FetchResponse = {
        url,
        status: html === undefined ? 404 : 200,
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body,
        text: () => body.toString('utf8'),
      };
      return response;
    },
  };
}

async function exportFixture(name: string) {
  const page = loadPageFixture(name);
  const out = await mkdtemp(join(tmpdir(), 'te-guessed-body-'));
  const fetcher = fixtureFetcher([name]);
  const result = await exportBlog({
    source: page.fetchedUrl,
    out,
    rate: 0,
    images: 'none',
    formats: ['markdown'],
    fetcher,
  });
  const entry = result.manifest.posts[0]!;
  const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as typeof result.manifest;
  const markdown = entry.files[0] === undefined ? '' : await readFile(join(out, entry.files[0]), 'utf8');
  return { result, entry, written: manifest.posts[0]!, markdown, requested: fetcher.requested };
}

describe('how the body was found, in the manifest and the summary', () => {
  it('marks a body found by its Tistory class as such, without a warning', async () => {
    const { entry, written, result } = await exportFixture('handmade-old-skin');
    expect(entry.status).toBe('ok');
    expect(written.bodyFoundBy).toBe('skin');
    expect(written.warnings).toBeUndefined();
    expect(formatSummary(result, false)).not.toContain('Posts whose body was guessed');
  });

  it('marks a body the scorer guessed, warns, and lists it in the summary for review', async () => {
    const { entry, written, result, markdown, requested } = await exportFixture('handmade-scored');
    // The mobile page, whose body is certain, was asked for first; without one the guess stands.
    expect(requested).toContain('https://bear-dev.tistory.com/m/9');
    expect(entry.status).toBe('ok');
    expect(written.bodyFoundBy).toBe('scored');
    expect(written.warnings).toEqual([GUESSED_BODY_WARNING]);
    expect(formatSummary(result, false)).toContain(
      `body was guessed from the page's paragraph text, to check (1):\n  9\thttps://bear-dev.tistory.com/9\n`,
    );
    expect(markdown).toContain('리빌드에는 2TB 기준으로 약 7시간이 걸렸고');
    for (const phrase of [
      ...CHROME_STRINGS,
      '마스크 설정을 바꾸니까',
      '질문은 방명록에 남겨 주세요',
      '리눅스 잡동사니',
    ])
      expect(markdown).not.toContain(phrase);
  });

  it('keeps the field off a post that failed, whose reason lists what was tried', async () => {
    const { written } = await exportFixture('handmade-no-body');
    expect(written.status).toBe('failed');
    expect(written.bodyFoundBy).toBeUndefined();
    expect(written.error).toMatch(/^no post body found; tried .*paragraph scoring/);
  });
});
