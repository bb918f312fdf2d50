import { access, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ZodTypeAny } from 'zod';
import { exportAllFormats, type FormatsRun } from './export-all-formats.js';
import { frontMatterOf } from '../helpers/front-matter.js';

/**
 * Runs the emitted `content.config.ts` itself (it is plain JavaScript) with zod standing in for
 * `astro:content`, and returns the collection's schema.
 */
async function emittedAstroSchema(configText: string): Promise<ZodTypeAny> {
  const zodUrl = pathToFileURL(createRequire(import.meta.url).resolve('zod')).href;
  const body = configText.replace(/^import .*$/gm, '');
  const shim = `import { z } from ${JSON.stringify(zodUrl)};\nconst defineCollection = (collection) => collection;\nconst glob = (options) => options;\n`;
  const file = join(await mkdtemp(join(tmpdir(), 'te-astro-config-')), 'content.config.mjs');
  await writeFile(file, shim + body);
  const module = (await import(pathToFileURL(file).href)) as { collections: { blog: { schema: ZodTypeAny } } };
  return module.collections.blog.schema;
}

let run: FormatsRun;
beforeAll(async () => {
  run = await exportAllFormats();
}, 120_000);
afterAll(() => run.close());

describe('astro', () => {
  it('writes front matter the emitted content.config.ts schema accepts, for every post', async () => {
    expect(run.code, run.stderr).toBe(0);
    const configText = await run.read('astro/src/content.config.ts');
    expect(configText).toMatch(/title: z\.string\(\)/);
    const schema = await emittedAstroSchema(configText);
    for (const post of run.okPosts) {
      const frontMatter = frontMatterOf(await run.read(`astro/src/content/blog/${post.slug}.md`));
      const result = schema.safeParse(frontMatter);
      expect(result.success, `${post.slug}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
      expect(Object.keys(frontMatter)).toEqual(expect.arrayContaining(['title', 'pubDate', 'tags']));
      const data = result.data as { pubDate: Date; heroImage?: string; type: string };
      expect(data.pubDate).toBeInstanceOf(Date);
      // Absent on posts, so an index that filters on `type === 'post'` keeps them all.
      expect(data.type, post.slug).toBe(post.type);
      expect('type' in frontMatter, post.slug).toBe(post.type !== 'post');
      if (data.heroImage) await access(join(run.outDir, 'astro/public', data.heroImage));
    }
  });

  it('rejects front matter the schema does not describe (the check can fail)', async () => {
    const schema = await emittedAstroSchema(await run.read('astro/src/content.config.ts'));
    expect(schema.safeParse({ title: 42, source: 'x' }).success).toBe(false);
    expect(
      schema.safeParse({ title: '소개', source: 'https://a.tistory.com/pages/about', type: 'article' }).success,
    ).toBe(false);
  });
});

describe('obsidian', () => {
  it('writes a vault: properties, attachments, and links between posts as wikilinks', async () => {
    const notes = (await readdir(join(run.outDir, 'obsidian'))).filter((name) => name.endsWith('.md'));
    expect(notes.sort()).toEqual(run.okPosts.map((post) => `${post.slug}.md`).sort());
    for (const post of run.okPosts) {
      const note = await run.read(`obsidian/${post.slug}.md`);
      const properties = frontMatterOf(note);
      expect(properties.aliases).toEqual([post.title]);
      expect(properties.source).toBe(post.url);
      expect(properties.type, post.slug).toBe(post.type === 'post' ? undefined : post.type);
      expect(String(properties.created)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
      for (const tag of properties.tags as string[]) expect(tag).toMatch(/^(?!\d+$)[\p{L}\p{N}\p{M}_\-/]+$/u);
      for (const match of note.matchAll(/!\[[^\]]*\]\((attachments\/[^)]+)\)/g))
        await access(join(run.outDir, 'obsidian', match[1]!));
      expect(note).not.toContain('tistory-export-note:');
      for (const match of note.matchAll(/\[\[([^\]|#]+)/g)) expect(notes).toContain(`${match[1]}.md`);
    }
    const venv = await run.read('obsidian/python-가상환경-venv-사용법.md');
    expect(venv).toContain('[[python-리스트-컴프리헨션-정리|리스트 컴프리헨션 글]]');
    expect(frontMatterOf(await run.read('obsidian/c-입문기-hello-world-부터.md')).tags).toContain('Csharp');
  });
});

describe('hexo', () => {
  it('writes source/_posts/<slug>.md with its asset folder, a category path and a permalink', async () => {
    for (const post of run.okPosts.filter((candidate) => candidate.type !== 'page')) {
      const document = await run.read(`hexo/source/_posts/${post.slug}.md`);
      const frontMatter = frontMatterOf(document);
      expect(frontMatter.title).toBe(post.title);
      expect(frontMatter.permalink).toBe(`${post.slug}/`);
      expect(Object.keys(frontMatter)).toEqual(expect.arrayContaining(['date', 'tags', 'categories']));
      for (const match of document.matchAll(/!\[[^\]]*\]\(([^)/:]+)\)/g)) {
        await access(join(run.outDir, 'hexo/source/_posts', post.slug, match[1]!));
      }
    }
    const venv = frontMatterOf(await run.read('hexo/source/_posts/python-가상환경-venv-사용법.md'));
    expect(venv.categories).toEqual(['개발', 'Python']);
    expect(parse(await run.read('hexo/_config.tistory.yml'))).toMatchObject({ post_asset_folder: true });
  });

  it('writes a static page as source/<slug>/index.md with its files beside it, and marks notices', async () => {
    const pages = run.okPosts.filter((post) => post.type === 'page');
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const document = await run.read(`hexo/source/${page.slug}/index.md`);
      expect(frontMatterOf(document)).toMatchObject({ title: page.title, layout: 'page', type: 'page' });
      for (const match of document.matchAll(/!\[[^\]]*\]\(([^)/:]+)\)/g))
        await access(join(run.outDir, 'hexo/source', page.slug, match[1]!));
    }
    for (const notice of run.okPosts.filter((post) => post.type === 'notice')) {
      expect(frontMatterOf(await run.read(`hexo/source/_posts/${notice.slug}.md`)).type).toBe('notice');
    }
  });
});

describe('every format', () => {
  it('writes under <out>/<format>/ and leaves no spool or temp file behind', async () => {
    const entries = await readdir(run.outDir, { recursive: true });
    expect(entries.filter((entry) => /\.tmp$|\.spool-|\.part$/.test(entry))).toEqual([]);
    for (const format of ['hugo', 'jekyll', 'hexo', 'astro', 'obsidian', 'wxr', 'ghost'])
      expect(entries).toContain(format);
    const manifest = JSON.parse(await readFile(join(run.outDir, 'manifest.json'), 'utf8')) as {
      posts: { files: string[] }[];
    };
    for (const post of run.okPosts) {
      const files = manifest.posts.find((entry) => (entry as { id?: string }).id === post.id)!.files;
      for (const format of ['hugo/', 'jekyll/', 'hexo/', 'astro/', 'obsidian/', 'wxr/', 'ghost/']) {
        expect(
          files.some((file) => file.startsWith(format)),
          `${post.slug} ${format}`,
        ).toBe(true);
      }
    }
  });
});
