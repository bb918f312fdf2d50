import { access, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTarget } from '../../src/targets/index.js';
import type { PostMeta } from '../../src/types.js';
import { postOf } from '../targets/post-fixture.js';
import { load } from 'cheerio';
import { buildAstro, buildHexo, buildHugo, buildJekyll, builtPage } from './build-tools.js';
import { frontMatterOf } from '../helpers/front-matter.js';
import { beforeAllWith, itWith } from '../helpers/outside-programs.js';
import type { OutsideProgram } from '../helpers/outside-programs-list.js';
import { exportAllFormats, type FormatsRun } from './export-all-formats.js';

interface JsonlRecord {
  id: string;
  title: string;
  published: string;
  status: string;
  assets: { file: string | null }[];
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

let run: FormatsRun;
let records: Map<string, JsonlRecord>;
beforeAll(async () => {
  run = await exportAllFormats();
  const lines = (await run.read('posts.jsonl')).trimEnd().split('\n');
  records = new Map(lines.map((line) => JSON.parse(line) as JsonlRecord).map((record) => [record.id, record]));
}, 120_000);
afterAll(() => run.close());

/**
 * Builds `<out>/<folder>` with the real tool once, before the tests of the describe block it is called in;
 * `program` names the tool when it comes from outside npm (the tests then say so with itWith).
 */
function siteBuiltBy(
  build: (exported: string) => Promise<string>,
  folder: string,
  program?: OutsideProgram,
): () => string {
  let site = '';
  const buildSite = async () => {
    expect(run.code, run.stderr).toBe(0);
    site = await build(join(run.outDir, folder));
  };
  if (program) beforeAllWith(program, buildSite, 240_000);
  else beforeAll(buildSite, 240_000);
  return () => site;
}

/**
 * Every exported post is a page at `<site>/<prefix><slug>/index.html` showing its title and its date (as
 * written, or with `sameInstant` the same moment in another zone's spelling).
 */
async function expectEveryPostBuilt(
  siteDir: string,
  options: { prefix?: string; sameInstant?: boolean } = {},
): Promise<void> {
  expect(run.okPosts.length).toBeGreaterThanOrEqual(10);
  for (const post of run.okPosts) {
    const record = records.get(post.id)!;
    const page = await builtPage(join(siteDir, options.prefix ?? '', post.slug, 'index.html'));
    expect(page.title, post.slug).toBe(record.title);
    if (options.sameInstant) expect(Date.parse(page.datetime ?? ''), post.slug).toBe(Date.parse(record.published));
    else expect(page.datetime, post.slug).toBe(record.published);
  }
}

/** Every image, video and link of every post page that points into the site names a file the build wrote. */
async function expectLocalReferencesResolve(siteDir: string, prefix = ''): Promise<void> {
  let checked = 0;
  for (const post of run.okPosts) {
    const pageDir = join(siteDir, prefix, post.slug);
    const $ = load(await readFile(join(pageDir, 'index.html'), 'utf8'));
    const references = $('article img[src], article video[src], article source[src], article a[href]')
      .toArray()
      .map((element) => $(element).attr('src') ?? $(element).attr('href')!)
      .filter((reference) => !/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(reference));
    for (const reference of references) {
      const path = decodeURIComponent(reference.split(/[?#]/)[0]!);
      const target = path.startsWith('/') ? join(siteDir, path) : join(pageDir, path);
      const found = (await exists(target)) && (!path.endsWith('/') || (await exists(join(target, 'index.html'))));
      expect(found, `${post.slug}: ${reference}`).toBe(true);
      checked++;
    }
  }
  expect(checked).toBeGreaterThanOrEqual(15);
}

/**
 * `/<id>` and `/m/<id>` of every post (`/notice/<id>`, `/pages/<slug>` and their `/m/` twins for notices
 * and pages) answer with a redirect to `/<slug>/`.
 */
async function expectOldPathsRedirect(siteDir: string, fileOf: (path: string) => string): Promise<void> {
  expect(run.okPosts.filter((post) => post.type !== 'post').length).toBeGreaterThanOrEqual(3);
  for (const post of run.okPosts) {
    const oldPath = decodeURIComponent(new URL(post.url).pathname.slice(1));
    for (const path of [oldPath, `m/${oldPath}`]) {
      const html = await readFile(join(siteDir, fileOf(path)), 'utf8');
      expect(html, path).toContain(`url=/${encodeURI(post.slug)}/`);
    }
  }
}

/**
 * The home page of the default layout links every post, notice and static page, and lists the posts and
 * notices newest first, each with its date.
 */
async function expectHomeListsEveryPost(siteDir: string, prefix = ''): Promise<void> {
  const $ = load(await readFile(join(siteDir, 'index.html'), 'utf8'));
  const links = new Set(
    $('a[href]')
      .toArray()
      .map((anchor) => decodeURIComponent($(anchor).attr('href')!)),
  );
  for (const post of run.okPosts) expect(links.has(`/${prefix}${post.slug}/`), post.slug).toBe(true);
  const listed = $('.post-list li')
    .toArray()
    .map((item) => Date.parse($(item).find('time').attr('datetime') ?? ''));
  expect(listed).toHaveLength(run.okPosts.filter((post) => post.type !== 'page').length);
  expect(listed.every((time) => !Number.isNaN(time))).toBe(true);
  expect(listed).toEqual([...listed].sort((a, b) => b - a));
}

/**
 * A page of the default layout reads well on a phone: a viewport, images no wider than the screen, fonts
 * that carry Hangul, a line height for Korean text.
 */
async function expectReadableOnPhones(file: string): Promise<void> {
  const $ = load(await readFile(file, 'utf8'));
  expect($('meta[name="viewport"]').attr('content'), file).toBe('width=device-width, initial-scale=1');
  const css = $('style').text();
  // As written or minified (Astro's build drops spaces and quotes).
  expect(css, file).toMatch(/img,\s*video\s*\{\s*max-width:\s*100%;\s*height:\s*auto;?\s*\}/);
  expect(css, file).toMatch(/font-family:[^;]*"?Apple SD Gothic Neo"?,\s*"?Malgun Gothic"?/);
  expect(css, file).toMatch(/line-height:\s*1\.8/);
}

/** The home page and every post page of a site built with the default layout. */
async function expectDefaultLayoutEverywhere(siteDir: string, prefix = ''): Promise<void> {
  await expectHomeListsEveryPost(siteDir, prefix);
  await expectReadableOnPhones(join(siteDir, 'index.html'));
  for (const post of run.okPosts) await expectReadableOnPhones(join(siteDir, prefix, post.slug, 'index.html'));
}

describe('hugo: the real hugo builds the exported site', () => {
  const publicDir = siteBuiltBy(buildHugo, 'hugo', 'hugo');

  itWith('hugo', 'builds every exported post at /<slug>/ with its title and date', async () => {
    await expectEveryPostBuilt(publicDir());
  });

  itWith('hugo', 'files notices and static pages in their own sections, each listed on its section page', async () => {
    const sections = { post: 'posts', notice: 'notices', page: 'pages' } as const;
    for (const post of run.okPosts) {
      expect(
        await exists(join(run.outDir, 'hugo/content', sections[post.type], post.slug, 'index.md')),
        post.slug,
      ).toBe(true);
      const list = await readFile(join(publicDir(), sections[post.type], 'index.html'), 'utf8');
      expect(list, post.slug).toContain(`href="/${encodeURI(post.slug)}/"`);
    }
  });

  itWith('hugo', 'publishes each post’s images beside it and keeps the body’s raw HTML', async () => {
    for (const post of run.okPosts) {
      for (const asset of post.assets ?? []) {
        if (!asset.file) continue;
        const name = asset.file.slice('assets/'.length);
        expect(await exists(join(publicDir(), post.slug, name)), `${post.slug}/${name}`).toBe(true);
      }
    }
    const pages = await Promise.all(
      run.okPosts.map((post) => readFile(join(publicDir(), post.slug, 'index.html'), 'utf8')),
    );
    expect(pages.join('')).not.toContain('raw HTML omitted');
  });

  itWith('hugo', 'redirects every old Tistory path (aliases) to the new page', async () => {
    await expectOldPathsRedirect(publicDir(), (path) => `${path}/index.html`);
  });

  itWith('hugo', 'serves every image, file and link between posts that a page shows', async () => {
    await expectLocalReferencesResolve(publicDir());
  });

  it('writes hugo.toml with the blog title and Korean settings', async () => {
    const config = await run.read('hugo/hugo.toml');
    expect(config).toContain('languageCode = "ko-kr"');
    expect(config).toContain('hasCJKLanguage = true');
    expect(config).toMatch(/^title = "[^"]+"$/m);
  });

  itWith(
    'hugo',
    'builds the default theme: a home page listing every post newest first, readable on a phone',
    async () => {
      await expectDefaultLayoutEverywhere(publicDir());
    },
  );
});

describe('jekyll: the real jekyll builds the exported site', () => {
  const siteDir = siteBuiltBy(buildJekyll, 'jekyll', 'jekyll');

  itWith('jekyll', 'builds every exported post at /<slug>/ with its title and KST date', async () => {
    await expectEveryPostBuilt(siteDir());
  });

  itWith(
    'jekyll',
    'names each post file by its KST day, files static pages under pages/, and serves their files from /assets/',
    async () => {
      for (const post of run.okPosts) {
        const record = records.get(post.id)!;
        const day = record.published.slice(0, 10);
        const file = post.type === 'page' ? `jekyll/pages/${post.slug}.md` : `jekyll/_posts/${day}-${post.slug}.md`;
        expect(await exists(join(run.outDir, file)), post.slug).toBe(true);
        for (const asset of post.assets ?? []) {
          if (asset.file) expect(await exists(join(siteDir(), asset.file)), asset.file).toBe(true);
        }
      }
    },
  );

  itWith('jekyll', 'redirects every old Tistory path (jekyll-redirect-from)', async () => {
    await expectOldPathsRedirect(siteDir(), (path) => `${path}.html`);
  });

  itWith('jekyll', 'serves every image, file and link between posts that a page shows', async () => {
    await expectLocalReferencesResolve(siteDir());
  });

  itWith(
    'jekyll',
    'builds the default theme: a home page listing every post newest first, readable on a phone',
    async () => {
      await expectDefaultLayoutEverywhere(siteDir());
    },
  );
});

describe('astro: the real Astro builds the exported content collection', () => {
  const distDir = siteBuiltBy(buildAstro, 'astro');

  it('builds every exported entry through the schema, with its title and date', async () => {
    await expectEveryPostBuilt(distDir(), { prefix: 'blog', sameInstant: true });
  });

  it('serves every image, file and link between posts that a page shows', async () => {
    await expectLocalReferencesResolve(distDir(), 'blog');
  });

  it('builds the exported pages: a home page listing every entry newest first, readable on a phone', async () => {
    await expectDefaultLayoutEverywhere(distDir(), 'blog/');
  });
});

describe('hexo: the real Hexo generates the exported site', () => {
  const publicDir = siteBuiltBy(buildHexo, 'hexo');

  it('generates every exported post and page at /<slug>/ with its title and date, on a machine in another zone', async () => {
    await expectEveryPostBuilt(publicDir(), { sameInstant: true });
  });

  it('serves every image, file and link between posts that a page shows, static pages included', async () => {
    await expectLocalReferencesResolve(publicDir());
  });

  it('names each stored cover by a site path that the generated site serves (themes show it through url_for)', async () => {
    let covers = 0;
    for (const post of run.okPosts) {
      const file = post.type === 'page' ? `hexo/source/${post.slug}/index.md` : `hexo/source/_posts/${post.slug}.md`;
      const cover = frontMatterOf(await run.read(file)).cover as string | undefined;
      if (cover === undefined || /^https?:/.test(cover)) continue;
      expect(cover.startsWith(`/${post.slug}/`), `${post.slug}: ${cover}`).toBe(true);
      expect(await exists(join(publicDir(), cover)), `${post.slug}: ${cover}`).toBe(true);
      covers++;
    }
    expect(covers).toBeGreaterThanOrEqual(5);
  });

  it('builds the default theme: a home page listing every post newest first, readable on a phone', async () => {
    await expectDefaultLayoutEverywhere(publicDir());
  });
});

describe('template syntax inside a post survives both builds', () => {
  const meta: PostMeta = {
    id: '90',
    url: 'https://example.tistory.com/90',
    title: 'Hugo와 Jekyll 템플릿: {{ .Title }}',
    published: '2024-02-29T23:30:00+09:00',
    updated: null,
    categories: ['개발'],
    tags: ['hugo'],
    author: null,
    description: null,
    cover: null,
    blogName: '템플릿 블로그',
  };
  const markdown = [
    '숏코드는 이렇게 쓴다.',
    '',
    '```go-html-template',
    '{{< figure src="x.png" >}}',
    '{{% note %}}주의{{% /note %}}',
    '{% raw %}{{ page.title }}{% endraw %} {% if x %}',
    '```',
  ].join('\n');
  const post = postOf(meta, { slug: 'hugo와-jekyll-템플릿', markdown, html: '<p>…</p>' });

  async function exportOne(format: 'hugo' | 'jekyll'): Promise<string> {
    const out = await mkdtemp(join(tmpdir(), `te-${format}-one-`));
    const target = createTarget(format, { outDir: out, assetLayout: 'shared' });
    await target.writePost(post);
    await target.finish();
    return join(out, format);
  }

  itWith(
    'hugo',
    'hugo prints shortcode syntax as written',
    async () => {
      const publicDir = await buildHugo(await exportOne('hugo'));
      const page = await builtPage(join(publicDir, post.slug, 'index.html'));
      expect(page.title).toBe(meta.title);
      expect(page.datetime).toBe(meta.published);
      expect(page.text).toContain('{{< figure src="x.png" >}}');
      expect(page.text).toContain('{{% note %}}주의{{% /note %}}');
    },
    120_000,
  );

  itWith(
    'jekyll',
    'jekyll leaves Liquid syntax alone',
    async () => {
      const siteDir = await buildJekyll(await exportOne('jekyll'));
      const page = await builtPage(join(siteDir, post.slug, 'index.html'));
      expect(page.title).toBe(meta.title);
      expect(page.datetime).toBe(meta.published);
      expect(page.text).toContain('{% raw %}{{ page.title }}{% endraw %} {% if x %}');
    },
    120_000,
  );
});
