// The files that make each site folder a project of its own (config, package.json, Gemfile, a default
// theme or pages), and what a re-run into the same folder does with them after the user edited them.

import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createTarget } from '../../src/targets/index.js';
import type { Format } from '../../src/names.js';
import { ASTRO_NODE_20_OVERRIDES, SITE_PACKAGE_VERSIONS } from '../../src/targets/site-packages.js';
import type { PostMeta } from '../../src/types.js';
import { postOf } from './post-fixture.js';

const meta: PostMeta = {
  id: '7',
  url: 'https://example.tistory.com/7',
  title: '첫 글',
  published: '2024-08-20T11:00:00+09:00',
  updated: null,
  categories: ['개발'],
  tags: ['python'],
  author: '한결',
  description: null,
  cover: null,
  blogName: '느린 개발 일지',
};
const post = postOf(meta, { slug: '첫-글', markdown: '본문', html: '<p>본문</p>' });

/** One run of one format into `out` (a fresh folder unless given): one post, then the end of the run. */
async function exportInto(format: Format, out?: string): Promise<string> {
  const outDir = out ?? (await mkdtemp(join(tmpdir(), `te-project-${format}-`)));
  const target = createTarget(format, { outDir, assetLayout: format === 'hugo' ? 'bundle' : 'shared' });
  await target.writePost(post);
  await target.finish();
  return outDir;
}

const read = (out: string, file: string) => readFile(join(out, file), 'utf8');

/** Per format: a file the user owns once written, and one the tool owns (its default theme or schema). */
const PROJECT_FILES: Record<'hugo' | 'jekyll' | 'hexo' | 'astro', { userFiles: string[]; toolFile: string }> = {
  hugo: { userFiles: ['hugo/hugo.toml'], toolFile: 'hugo/themes/tistory-default/layouts/_default/baseof.html' },
  jekyll: {
    userFiles: ['jekyll/_config.yml', 'jekyll/Gemfile', 'jekyll/index.html'],
    toolFile: 'jekyll/_themes/jekyll-theme-tistory-default/_layouts/default.html',
  },
  hexo: {
    userFiles: ['hexo/_config.yml', 'hexo/package.json'],
    toolFile: 'hexo/themes/tistory-default/layout/layout.njk',
  },
  astro: {
    userFiles: [
      'astro/package.json',
      'astro/src/pages/index.astro',
      'astro/src/pages/blog/[...slug].astro',
      'astro/src/consts.ts',
    ],
    toolFile: 'astro/src/content.config.ts',
  },
};

describe('site folders carry their own project files', () => {
  it('hugo names its default theme, which holds the layouts (a site’s own layouts/ would override any theme)', async () => {
    const out = await exportInto('hugo');
    expect(await read(out, 'hugo/hugo.toml')).toMatch(/^theme = "tistory-default"$/m);
    for (const layout of ['_default/baseof.html', '_default/single.html', '_default/list.html', 'index.html']) {
      expect(await read(out, `hugo/themes/tistory-default/layouts/${layout}`), layout).toContain('{{');
    }
    await expect(read(out, 'hugo/layouts/_default/baseof.html')).rejects.toThrow(/ENOENT/);
  });

  it('jekyll has a Gemfile with Jekyll 4.3, jekyll-redirect-from and its default theme, a gem in the folder itself', async () => {
    const out = await exportInto('jekyll');
    const gemfile = await read(out, 'jekyll/Gemfile');
    expect(gemfile).toContain('gem "jekyll", "~> 4.3"');
    expect(gemfile).toMatch(/group :jekyll_plugins do\n(?:\s*#.*\n)*\s*gem "jekyll-redirect-from", "~> 0\.16"/);
    expect(gemfile).toContain('gem "jekyll-theme-tistory-default", path: "_themes/jekyll-theme-tistory-default"');
    expect(parse(await read(out, 'jekyll/_config.yml'))).toMatchObject({
      title: '느린 개발 일지',
      theme: 'jekyll-theme-tistory-default',
      plugins: ['jekyll-redirect-from'],
    });
    expect(
      await read(out, 'jekyll/_themes/jekyll-theme-tistory-default/jekyll-theme-tistory-default.gemspec'),
    ).toContain('spec.name = "jekyll-theme-tistory-default"');
    await expect(read(out, 'jekyll/_layouts/default.html')).rejects.toThrow(/ENOENT/);
  });

  it('hexo has a package.json, a _config.yml with the settings the posts rely on, and its default theme', async () => {
    const out = await exportInto('hexo');
    const pkg = JSON.parse(await read(out, 'hexo/package.json'));
    expect(pkg.dependencies).toEqual({
      hexo: SITE_PACKAGE_VERSIONS.hexo,
      'hexo-renderer-marked': SITE_PACKAGE_VERSIONS['hexo-renderer-marked'],
    });
    expect(pkg.hexo).toEqual({ version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    const config = parse(await read(out, 'hexo/_config.yml'));
    expect(config).toMatchObject({ theme: 'tistory-default', timezone: 'Asia/Seoul', post_asset_folder: true });
    expect(config).toMatchObject(parse(await read(out, 'hexo/_config.tistory.yml')));
  });

  it('astro has a package.json and the pages that list and show the collection', async () => {
    const out = await exportInto('astro');
    const pkg = JSON.parse(await read(out, 'astro/package.json'));
    expect(pkg).toMatchObject({ type: 'module', private: true, dependencies: { astro: SITE_PACKAGE_VERSIONS.astro } });
    expect(await read(out, 'astro/src/consts.ts')).toContain('export const SITE_TITLE = "느린 개발 일지";');
    expect(await read(out, 'astro/src/pages/blog/[...slug].astro')).toContain("getCollection('blog')");
  });

  it('each ignores in git what its build and its packages leave in the folder', async () => {
    const built = {
      hugo: ['public/'],
      jekyll: ['_site/', '.jekyll-cache/'],
      hexo: ['node_modules/', 'public/'],
      astro: ['node_modules/', 'dist/'],
    };
    for (const [format, patterns] of Object.entries(built)) {
      const lines = (await read(await exportInto(format as Format), `${format}/.gitignore`)).split('\n');
      expect(lines, format).toEqual(expect.arrayContaining(patterns));
    }
  });

  it('names the npm packages at the versions this project builds its tests with', async () => {
    const own = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
    for (const [name, version] of Object.entries(SITE_PACKAGE_VERSIONS))
      expect(own.devDependencies[name], name).toBe(version);
    // The pin that keeps Astro on Node 20 here is the one the exported folder carries.
    expect(own.overrides).toMatchObject(ASTRO_NODE_20_OVERRIDES);
    const pkg = JSON.parse(await read(await exportInto('astro'), 'astro/package.json'));
    expect(pkg.overrides).toEqual(ASTRO_NODE_20_OVERRIDES);
  });
});

describe('a re-run into the same folder', () => {
  for (const [format, { userFiles, toolFile }] of Object.entries(PROJECT_FILES)) {
    it(`${format}: keeps the user's edits to the project files, writes a missing one again, and renews the tool's own`, async () => {
      const out = await exportInto(format as Format);
      const [edited, removed] = [userFiles[0]!, userFiles.at(-1)!];
      const firstWritten = await read(out, removed);
      const userText = `${await read(out, edited)}\n# the user's own line\n`;
      await writeFile(join(out, edited), userText);
      if (removed !== edited) await rm(join(out, removed));
      const toolText = await read(out, toolFile);
      await writeFile(join(out, toolFile), 'edited in place');

      await exportInto(format as Format, out);

      expect(await read(out, edited)).toBe(userText);
      if (removed !== edited) expect(await read(out, removed)).toBe(firstWritten);
      expect(await read(out, toolFile)).toBe(toolText);
    });
  }
});
