// The library's `toMarkdown` and the export convert with the same code: every golden input, exported
// with its images left at their addresses and no linked post exported, comes out as `toMarkdown` says.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { toMarkdown } from '../../src/convert/index.js';
import { convertedPost, type PostRecord } from '../../src/pipeline/post-body.js';
import { convertBody } from '../../src/pipeline/pure-stages.js';
import type { PostAsset, PostMeta } from '../../src/types.js';
import { CASES_DIR, POST_URL, caseNames } from './golden-case-set.js';

const BLOG = { blogOrigin: 'https://blog.tistory.com', origins: ['https://blog.tistory.com'] };

function exportedMarkdown(input: string): string {
  const body = convertBody({ bodyHtml: input, baseUrl: POST_URL, images: 'remote', names: BLOG });
  const record: PostRecord = {
    meta: {} as PostMeta,
    id: '1',
    slug: 'test',
    oldUrls: [],
    markdown: body.markdown,
    html: body.html,
    assets: body.assets.map((asset) => ({ url: asset.url }) as PostAsset),
    links: body.links,
    cover: null,
  };
  return convertedPost(record, () => null).render({ asset: () => null, post: () => null }).markdown;
}

describe('one conversion path', () => {
  test.each(caseNames)('%s', (name) => {
    const input = readFileSync(join(CASES_DIR, name, 'input.html'), 'utf8');
    expect(exportedMarkdown(input)).toBe(toMarkdown(input, { baseUrl: POST_URL }));
  });

  test('a link to a post of the blog whose text is its address', () => {
    const input = '<p>다음 글: <a href="/12">https://blog.tistory.com/12</a></p>';
    expect(toMarkdown(input, { baseUrl: POST_URL })).toBe('다음 글: <https://blog.tistory.com/12>');
    expect(exportedMarkdown(input)).toBe('다음 글: <https://blog.tistory.com/12>');
  });
});
