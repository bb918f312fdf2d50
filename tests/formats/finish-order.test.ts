// The one-file formats (WXR, Ghost) are assembled when the run ends, from posts that finish in whatever
// order the network and the worker thread give. A nightly export kept in git must not churn: every
// finishing order has to write the same bytes, even where two names slugify alike or posts share a file.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTarget } from '../../src/targets/index.js';
import type { ConvertedPost, PostMeta } from '../../src/types.js';
import { postOf, remoteAsset } from '../targets/post-fixture.js';

const SHARED = 'https://blog.kakaocdn.net/dn/shared/logo.png';

function meta(id: string, fields: Partial<PostMeta>): PostMeta {
  return {
    id,
    url: `https://a.tistory.com/${id}`,
    title: `글 ${id}`,
    published: '2024-01-01T09:00:00+09:00',
    updated: null,
    categories: [],
    tags: [],
    author: null,
    description: null,
    cover: null,
    blogName: '블로그',
    ...fields,
  };
}

/**
 * Names that slugify alike (`C#`/`C`, `Kim!`/`Kim`), a file two posts share, ids that are not numbers,
 * and a page cached under the blog's old name.
 */
const POSTS: ConvertedPost[] = [
  postOf(
    meta('102', {
      tags: ['C#'],
      author: 'Kim!',
      categories: ['개발', 'C#'],
      cover: SHARED,
      blogName: '블로그 (옛 이름)',
    }),
    {
      slug: 'second',
      markdown: 'b',
      html: `<p><img src="${SHARED}"></p>`,
      assets: [remoteAsset(SHARED), remoteAsset('https://blog.kakaocdn.net/dn/102/own.png')],
    },
  ),
  postOf(meta('101', { tags: ['C'], author: 'Kim', categories: ['개발', 'C'] }), {
    slug: 'first',
    markdown: 'a',
    html: `<p><img src="${SHARED}"></p>`,
    assets: [remoteAsset('https://blog.kakaocdn.net/dn/101/own.png'), remoteAsset(SHARED)],
  }),
  postOf(meta('pages/contact', { url: 'https://a.tistory.com/pages/contact', kind: 'page', tags: ['c'] }), {
    id: 'pages/contact',
    slug: 'contact',
    markdown: 'c',
    html: `<p><img src="${SHARED}"></p>`,
    assets: [remoteAsset(SHARED), remoteAsset('https://blog.kakaocdn.net/dn/contact/map.png')],
  }),
  postOf(meta('pages/about', { url: 'https://a.tistory.com/pages/about', kind: 'page', author: 'KIM' }), {
    id: 'pages/about',
    slug: 'about',
    markdown: 'd',
    html: '<p>d</p>',
    assets: [remoteAsset('https://blog.kakaocdn.net/dn/about/me.png')],
  }),
];

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

async function exportInOrder(format: 'wxr' | 'ghost', order: readonly ConvertedPost[]): Promise<string> {
  const out = await mkdtemp(join(tmpdir(), `te-order-${format}-`));
  const target = createTarget(format, { outDir: out, assetLayout: 'shared' });
  for (const post of order) await target.writePost(post);
  // A post written again (its links fixed) late in the run must not move anything either.
  await target.rewritePost!(order[0]!);
  await target.finish();
  return readFile(join(out, format === 'wxr' ? 'wxr/wordpress.xml' : 'ghost/ghost-import.json'), 'utf8');
}

describe('one-file formats and the order posts finish in', () => {
  for (const format of ['wxr', 'ghost'] as const) {
    it(`${format}: every one of the 24 finishing orders writes the same bytes`, async () => {
      const orders = permutations(POSTS);
      expect(orders).toHaveLength(24);
      const first = await exportInOrder(format, orders[0]!);
      for (const order of orders.slice(1)) expect(await exportInOrder(format, order)).toBe(first);
    });
  }

  it('wxr: a shared file is one attachment, under the lowest-numbered post, and the cover points at it', async () => {
    const xml = await exportInOrder('wxr', POSTS);
    const attachments = [...xml.matchAll(/<wp:attachment_url><!\[CDATA\[([^\]]+)\]\]>/g)].map((match) => match[1]);
    expect(attachments.filter((url) => url === SHARED)).toHaveLength(1);
    expect(attachments).toHaveLength(5);
    const sharedItem = xml.split('<item>').find((item) => item.includes(`<wp:attachment_url><![CDATA[${SHARED}]]>`))!;
    expect(sharedItem).toContain('<wp:post_parent>101</wp:post_parent>');
    expect(sharedItem).toContain('<wp:post_name><![CDATA[first-2]]></wp:post_name>');
    const sharedId = /<wp:post_id>(\d+)<\/wp:post_id>/.exec(sharedItem)![1];
    const post102 = xml.split('<item>').find((item) => item.includes('<wp:post_id>102</wp:post_id>'))!;
    expect(post102).toContain(`<wp:meta_value><![CDATA[${sharedId}]]></wp:meta_value>`);
    // Logins and tag slugs go to names in post-id order: post 101's `Kim` and `C` come first.
    expect(xml).toMatch(
      /<wp:author_login><!\[CDATA\[kim\]\]><\/wp:author_login>\s*<wp:author_email>[^\n]*\s*<wp:author_display_name><!\[CDATA\[Kim\]\]>/,
    );
    expect(xml).toContain('<wp:tag_slug><![CDATA[c]]></wp:tag_slug><wp:tag_name><![CDATA[C]]></wp:tag_name>');
    expect(xml).toContain('<wp:tag_slug><![CDATA[c-2]]></wp:tag_slug><wp:tag_name><![CDATA[C#]]></wp:tag_name>');
    expect(xml).toContain('<title>블로그</title>');
  });
});
