import { access, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTarget } from '../../src/targets/index.js';
import type { PostMeta } from '../../src/types.js';
import { postOf } from '../targets/post-fixture.js';
import { exportAllFormats, type FormatsRun } from './export-all-formats.js';
import { expectNoEditorMarkup, expectOldEditorBodyKept, OLD_EDITOR_SLUG } from './clean-body-html.js';

// Ghost 5's limits (core/server/data/schema/schema.js and its validators), written out here rather than
// imported from the writer, so the test checks the writer against Ghost and not against itself.
const id = z.string().min(1).max(24);
const isoDate = z.string().datetime();
const GhostImport = z.object({
  db: z
    .array(
      z.object({
        meta: z.object({ exported_on: z.number().int().positive(), version: z.string().regex(/^\d+\.\d+\.\d+$/) }),
        data: z.object({
          posts: z.array(
            z.object({
              id,
              title: z.string().min(1).max(255),
              slug: z.string().min(1).max(191),
              html: z.string(),
              feature_image: z.string().max(2000).nullable(),
              custom_excerpt: z.string().max(300).nullable(),
              type: z.enum(['post', 'page']),
              status: z.enum(['published', 'draft', 'scheduled']),
              visibility: z.literal('public'),
              created_at: isoDate,
              updated_at: isoDate,
              published_at: isoDate,
            }),
          ),
          tags: z.array(z.object({ id, name: z.string().min(1).max(191), slug: z.string().min(1).max(191) })),
          posts_tags: z.array(z.object({ post_id: id, tag_id: id, sort_order: z.number().int().min(0) })),
          users: z.array(
            z.object({
              id,
              name: z.string().min(1).max(191),
              slug: z.string().min(1).max(191),
              email: z.string().email().max(191),
            }),
          ),
          posts_authors: z.array(z.object({ post_id: id, author_id: id, sort_order: z.number().int().min(0) })),
        }),
      }),
    )
    .length(1),
});
type GhostData = z.infer<typeof GhostImport>['db'][number]['data'];

function checkRelations(data: GhostData): void {
  const unique = (values: string[]) => expect(new Set(values).size).toBe(values.length);
  unique(data.posts.map((post) => post.slug));
  unique(data.posts.map((post) => post.id));
  unique(data.tags.map((tag) => tag.slug));
  unique(data.users.map((user) => user.email));
  const postIds = new Set(data.posts.map((post) => post.id));
  const tagIds = new Set(data.tags.map((tag) => tag.id));
  const userIds = new Set(data.users.map((user) => user.id));
  for (const row of data.posts_tags) {
    expect(postIds).toContain(row.post_id);
    expect(tagIds).toContain(row.tag_id);
  }
  for (const row of data.posts_authors) {
    expect(postIds).toContain(row.post_id);
    expect(userIds).toContain(row.author_id);
  }
  expect(new Set(data.posts_authors.map((row) => row.post_id))).toEqual(postIds);
  // Every user writes something: an import must not create idle staff accounts.
  expect(new Set(data.posts_authors.map((row) => row.author_id))).toEqual(userIds);
}

describe('ghost: the fixture blog as a Ghost import', () => {
  let run: FormatsRun;
  let data: GhostData;
  beforeAll(async () => {
    run = await exportAllFormats();
    data = GhostImport.parse(JSON.parse(await run.read('ghost/ghost-import.json'))).db[0]!.data;
  }, 120_000);
  afterAll(() => run.close());

  it('matches Ghost’s schema and limits, and every relation points at a row', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(data.posts.map((post) => post.slug).sort()).toEqual(run.okPosts.map((post) => post.slug).sort());
    checkRelations(data);
  });

  it('puts the category path first (the primary tag), then the tags', () => {
    const venv = data.posts.find((post) => post.slug === 'python-가상환경-venv-사용법')!;
    const tagNames = data.posts_tags
      .filter((row) => row.post_id === venv.id)
      .sort((a, b) => a.sort_order - b.sort_order)
      .map((row) => data.tags.find((tag) => tag.id === row.tag_id)!.name);
    expect(tagNames).toEqual(['개발/Python', 'Python', 'venv', '개발환경']);
  });

  it('imports static pages as Ghost pages and notices as posts tagged 공지사항', () => {
    const typeOf = new Map(run.okPosts.map((post) => [post.slug, post.type]));
    expect([...typeOf.values()]).toEqual(expect.arrayContaining(['post', 'notice', 'page']));
    for (const post of data.posts) {
      expect(post.type, post.slug).toBe(typeOf.get(post.slug) === 'page' ? 'page' : 'post');
      const tagNames = data.posts_tags
        .filter((row) => row.post_id === post.id)
        .map((row) => data.tags.find((tag) => tag.id === row.tag_id)!.name);
      expect(tagNames.includes('공지사항'), post.slug).toBe(typeOf.get(post.slug) === 'notice');
    }
  });

  it('ships every image and file under content/ where the HTML says', async () => {
    for (const post of data.posts) {
      for (const match of post.html.matchAll(/(?:src|href)="(\/content\/[^"]+)"/g)) {
        await access(join(run.outDir, 'ghost', decodeURI(match[1]!)));
      }
      if (post.feature_image?.startsWith('/content/')) await access(join(run.outDir, 'ghost', post.feature_image));
    }
    const html = data.posts.map((post) => post.html).join('');
    expect(html).toContain('/content/images/tistory/');
    expect(html).toContain('/content/files/tistory/');
    expect(html).not.toContain('blog.kakaocdn.net/dn/');
  });

  it('writes bodies as clean as the Markdown: an old-editor post loses its fonts and sizes, keeps its words and images', () => {
    for (const post of data.posts) expectNoEditorMarkup(post.html, post.slug);
    expectOldEditorBodyKept(data.posts.find((post) => post.slug === OLD_EDITOR_SLUG)!.html);
  });
});

describe('ghost: values over Ghost’s limits', () => {
  it('clips a long title and excerpt, and keeps slugs unique and within 191 characters', async () => {
    const out = await mkdtemp(join(tmpdir(), 'te-ghost-'));
    const target = createTarget('ghost', { outDir: out, assetLayout: 'shared' });
    const meta = (postId: string): PostMeta => ({
      id: postId,
      url: `https://example.tistory.com/${postId}`,
      title: '긴 제목 '.repeat(60),
      published: '2021-05-05T09:00:00+09:00',
      updated: null,
      categories: [],
      tags: ['태그 '.repeat(80)],
      author: null,
      description: '요약 '.repeat(200),
      cover: null,
      blogName: null,
    });
    const longSlug = '가'.repeat(200);
    await target.writePost(postOf(meta('1'), { slug: longSlug, markdown: 'a', html: '<p>a</p>' }));
    await target.writePost(postOf(meta('2'), { slug: `${longSlug}-2`, markdown: 'b', html: '<p>b</p>' }));
    await target.finish();
    const parsed = GhostImport.parse(JSON.parse(await readFile(join(out, 'ghost/ghost-import.json'), 'utf8')));
    const data = parsed.db[0]!.data;
    checkRelations(data);
    expect(data.posts).toHaveLength(2);
    expect(data.users.map((user) => user.slug)).toEqual(['tistory']);
    // The blog's last change, not the run's clock: a nightly export writes the same file.
    expect(parsed.db[0]!.meta.exported_on).toBe(Date.parse('2021-05-05T09:00:00+09:00'));
  });
});
