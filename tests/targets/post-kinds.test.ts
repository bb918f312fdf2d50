// Notices and static pages through every target: each platform's own way of marking them, and posts left as they were.

import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createTarget } from '../../src/targets/index.js';
import type { Format } from '../../src/names.js';
import type { ConvertedPost, PostKind, PostMeta } from '../../src/types.js';
import { postOf } from './post-fixture.js';

const BLOG = 'https://example.tistory.com';

function entry(kind: PostKind, id: string, slug: string, path: string): ConvertedPost {
  const meta: PostMeta = {
    id,
    url: `${BLOG}${path}`,
    title: `${kind} 제목`,
    published: '2024-08-20T11:00:00+09:00',
    updated: null,
    categories: [],
    tags: [],
    author: '한결',
    description: null,
    cover: null,
    blogName: '블로그',
    ...(kind === 'post' ? {} : { kind }),
  };
  return postOf(meta, {
    id,
    slug,
    markdown: '본문',
    html: '<p>본문</p>',
    oldUrls: [`${BLOG}${path}`, `${BLOG}/m${path}`],
  });
}

const post = entry('post', '7', 'first-post', '/7');
const notice = entry('notice', '16', 'rules', '/notice/16');
const page = entry('page', 'page-연락처', '연락처', '/pages/%EC%97%B0%EB%9D%BD%EC%B2%98');

/** Writes the three entries with one target and returns the output folder and what each write returned. */
async function writeAll(format: Format): Promise<{ out: string; files: Map<ConvertedPost, string[]> }> {
  const out = await mkdtemp(join(tmpdir(), `te-kinds-${format}-`));
  const target = createTarget(format, { outDir: out, assetLayout: 'shared' });
  const files = new Map<ConvertedPost, string[]>();
  for (const converted of [post, notice, page]) files.set(converted, await target.writePost(converted));
  await target.finish();
  return { out, files };
}

async function frontMatterOf(out: string, file: string): Promise<Record<string, unknown>> {
  const text = await readFile(join(out, file), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) throw new Error(`no front matter in ${file}`);
  return parse(match[1]!) as Record<string, unknown>;
}

describe('notices and pages in the Markdown formats', () => {
  it('markdown, astro and obsidian say type: notice / type: page, and nothing for a post', async () => {
    for (const [format, fileOf] of [
      ['markdown', (slug: string) => `markdown/${slug}.md`],
      ['astro', (slug: string) => `astro/src/content/blog/${slug}.md`],
      ['obsidian', (slug: string) => `obsidian/${slug}.md`],
    ] as const) {
      const { out } = await writeAll(format);
      expect((await frontMatterOf(out, fileOf(post.slug))).type, format).toBeUndefined();
      expect((await frontMatterOf(out, fileOf(notice.slug))).type, format).toBe('notice');
      expect((await frontMatterOf(out, fileOf(page.slug))).type, format).toBe('page');
    }
  });

  it('hugo files them in their own sections, published at /<slug>/ like posts, without the layout-picking type key', async () => {
    const { out, files } = await writeAll('hugo');
    expect(files.get(post)).toEqual(['hugo/content/posts/first-post/index.md']);
    expect(files.get(notice)).toEqual(['hugo/content/notices/rules/index.md']);
    expect(files.get(page)).toEqual(['hugo/content/pages/연락처/index.md']);
    for (const converted of [post, notice, page]) {
      const frontMatter = await frontMatterOf(out, files.get(converted)![0]!);
      expect(frontMatter.type).toBeUndefined();
      expect(frontMatter.slug).toBe(converted.slug);
    }
    expect((await frontMatterOf(out, files.get(page)![0]!)).aliases).toEqual(['/pages/연락처', '/m/pages/연락처']);
    const config = await readFile(join(out, 'hugo/hugo.toml'), 'utf8');
    expect(config).toContain('[permalinks]\n  posts = "/:slug/"\n  notices = "/:slug/"\n  pages = "/:slug/"\n');
  });

  it('jekyll: a notice is a dated post marked type: notice, a page a Jekyll page with layout: page and its permalink', async () => {
    const { out, files } = await writeAll('jekyll');
    expect(files.get(notice)).toEqual(['jekyll/_posts/2024-08-20-rules.md']);
    expect(files.get(page)).toEqual(['jekyll/pages/연락처.md']);
    expect(await frontMatterOf(out, files.get(notice)![0]!)).toMatchObject({
      layout: 'post',
      type: 'notice',
      categories: [],
    });
    const pageMatter = await frontMatterOf(out, files.get(page)![0]!);
    expect(pageMatter).toMatchObject({
      layout: 'page',
      type: 'page',
      permalink: '/연락처/',
      redirect_from: ['/pages/연락처', '/m/pages/연락처'],
    });
    expect(pageMatter).not.toHaveProperty('categories');
    const postMatter = await frontMatterOf(out, files.get(post)![0]!);
    expect(postMatter).not.toHaveProperty('type');
    expect(postMatter).not.toHaveProperty('permalink');
    expect(
      await readFile(join(out, 'jekyll/_themes/jekyll-theme-tistory-default/_layouts/page.html'), 'utf8'),
    ).toContain('{{ content }}');
  });

  it('hexo: a notice stays in _posts with type: notice, a page is source/<slug>/index.md with layout: page', async () => {
    const { out, files } = await writeAll('hexo');
    expect(files.get(notice)).toEqual(['hexo/source/_posts/rules.md']);
    expect(files.get(page)).toEqual(['hexo/source/연락처/index.md']);
    expect(await frontMatterOf(out, files.get(notice)![0]!)).toMatchObject({ type: 'notice', permalink: 'rules/' });
    const pageMatter = await frontMatterOf(out, files.get(page)![0]!);
    expect(pageMatter).toMatchObject({ layout: 'page', type: 'page' });
    expect(pageMatter).not.toHaveProperty('permalink');
    expect(pageMatter).not.toHaveProperty('tags');
    expect(await frontMatterOf(out, files.get(post)![0]!)).not.toHaveProperty('layout');
  });
});

describe('notices and pages in the other formats', () => {
  it('jsonl states the type of every record, posts included', async () => {
    const { out } = await writeAll('jsonl');
    const records = (await readFile(join(out, 'posts.jsonl'), 'utf8'))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(records.map((record) => [record.id, record.type])).toEqual([
      ['7', 'post'],
      ['16', 'notice'],
      ['page-연락처', 'page'],
    ]);
  });

  it('wxr: a page is a WordPress page without terms, a notice a post in the 공지사항 category', async () => {
    const { out } = await writeAll('wxr');
    const xml = await readFile(join(out, 'wxr/wordpress.xml'), 'utf8');
    const items = [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((match) => match[1]!);
    const itemOf = (title: string) => items.find((item) => item.includes(`<title><![CDATA[${title}]]></title>`))!;
    expect(itemOf('post 제목')).toContain('<wp:post_type><![CDATA[post]]></wp:post_type>');
    expect(itemOf('post 제목')).not.toContain('<category');
    expect(itemOf('notice 제목')).toContain('<wp:post_type><![CDATA[post]]></wp:post_type>');
    expect(itemOf('notice 제목')).toContain(
      '<category domain="category" nicename="notice"><![CDATA[공지사항]]></category>',
    );
    expect(itemOf('page 제목')).toContain('<wp:post_type><![CDATA[page]]></wp:post_type>');
    expect(itemOf('page 제목')).toContain('<wp:post_name><![CDATA[연락처]]></wp:post_name>');
    expect(itemOf('page 제목')).not.toContain('<category');
    expect(xml).toContain(
      '<wp:category_nicename><![CDATA[notice]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[공지사항]]></wp:cat_name>',
    );
  });

  it('ghost: a page is a Ghost page, a notice a post whose primary tag is 공지사항', async () => {
    const { out } = await writeAll('ghost');
    const data = JSON.parse(await readFile(join(out, 'ghost/ghost-import.json'), 'utf8')).db[0].data as {
      posts: { id: string; title: string; type: string }[];
      tags: { id: string; name: string }[];
      posts_tags: { post_id: string; tag_id: string; sort_order: number }[];
    };
    const byTitle = (title: string) => data.posts.find((row) => row.title === title)!;
    expect([byTitle('post 제목').type, byTitle('notice 제목').type, byTitle('page 제목').type]).toEqual([
      'post',
      'post',
      'page',
    ]);
    const tagsOf = (title: string) =>
      data.posts_tags
        .filter((row) => row.post_id === byTitle(title).id)
        .sort((a, b) => a.sort_order - b.sort_order)
        .map((row) => data.tags.find((tag) => tag.id === row.tag_id)!.name);
    expect(tagsOf('notice 제목')).toEqual(['공지사항']);
    expect(tagsOf('post 제목')).toEqual([]);
    expect(tagsOf('page 제목')).toEqual([]);
  });

  it('writes nothing a post would not have for an ordinary post: the same files as before kinds existed', async () => {
    const out = await mkdtemp(join(tmpdir(), 'te-kinds-plain-'));
    const target = createTarget('markdown', { outDir: out, assetLayout: 'shared' });
    await target.writePost(post);
    expect(await readdir(join(out, 'markdown'))).toEqual(['first-post.md']);
    expect(await readFile(join(out, 'markdown/first-post.md'), 'utf8')).toBe(
      [
        '---',
        'title: post 제목',
        'date: "2024-08-20T11:00:00+09:00"',
        'categories: []',
        'tags: []',
        'author: 한결',
        `source: ${BLOG}/7`,
        'tistory_id: "7"',
        '---',
        '',
        '본문',
        '',
      ].join('\n'),
    );
  });
});
