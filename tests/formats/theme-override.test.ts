// The default layout of the Hugo, Jekyll and Hexo folders is a theme, not the site's own layouts: a theme
// the user adds and names in the config replaces it, the way each tool's documentation says to add one.

import { appendFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTarget } from '../../src/targets/index.js';
import type { PostMeta } from '../../src/types.js';
import { itWith } from '../helpers/outside-programs.js';
import { postOf } from '../targets/post-fixture.js';
import { buildHexo, buildHugo, buildJekyll } from './build-tools.js';

const meta: PostMeta = {
  id: '5',
  url: 'https://example.tistory.com/5',
  title: '테마 바꾸기',
  published: '2024-05-01T10:00:00+09:00',
  updated: null,
  categories: ['일상'],
  tags: ['테마'],
  author: null,
  description: null,
  cover: null,
  blogName: '테마 블로그',
};
const post = postOf(meta, { slug: '테마-바꾸기', markdown: '본문 한 줄.', html: '<p>본문 한 줄.</p>' });

/** One post exported into a fresh folder, with the user's own theme files added: the site folder. */
async function exportWithTheme(format: 'hugo' | 'jekyll' | 'hexo', theme: Record<string, string>): Promise<string> {
  const out = await mkdtemp(join(tmpdir(), `te-theme-${format}-`));
  const target = createTarget(format, { outDir: out, assetLayout: format === 'hugo' ? 'bundle' : 'shared' });
  await target.writePost(post);
  await target.finish();
  for (const [path, text] of Object.entries(theme)) {
    await mkdir(dirname(join(out, format, path)), { recursive: true });
    await writeFile(join(out, format, path), text);
  }
  return join(out, format);
}

/** What the user's theme prints, and that nothing of the default theme is left on the page. */
async function expectUsersTheme(file: string): Promise<void> {
  const html = await readFile(file, 'utf8');
  expect(html).toContain('<h1 class="users-theme">테마 바꾸기</h1>');
  expect(html).not.toContain('site-header');
}

describe('a theme the user adds replaces the default layout', () => {
  itWith(
    'hugo',
    'hugo: `theme` in hugo.toml names the user’s theme',
    async () => {
      const single =
        '<!doctype html><html><body><h1 class="users-theme">{{ .Title }}</h1>{{ .Content }}</body></html>\n';
      const site = await exportWithTheme('hugo', {
        'themes/users-theme/layouts/_default/single.html': single,
        'themes/users-theme/layouts/_default/list.html': '<ul>{{ range .Pages }}<li>{{ .Title }}</li>{{ end }}</ul>\n',
        'themes/users-theme/layouts/index.html': '<p>home</p>\n',
      });
      const config = await readFile(join(site, 'hugo.toml'), 'utf8');
      await writeFile(join(site, 'hugo.toml'), config.replace('theme = "tistory-default"', 'theme = "users-theme"'));
      await expectUsersTheme(join(await buildHugo(site), post.slug, 'index.html'));
    },
    120_000,
  );

  itWith(
    'jekyll',
    'jekyll: the theme’s gem in the Gemfile and `theme` in _config.yml',
    async () => {
      const layout = (body: string) => `---\nlayout: default\n---\n${body}\n`;
      const site = await exportWithTheme('jekyll', {
        // A theme gem like any other; kept in the folder here so the test never reaches the network.
        '_users-theme/jekyll-theme-users.gemspec':
          'Gem::Specification.new do |spec|\n  spec.name = "jekyll-theme-users"\n  spec.version = "0.1.0"\n  spec.summary = "x"\n  spec.authors = ["user"]\nend\n',
        '_users-theme/_layouts/default.html': '<!doctype html><html><body>{{ content }}</body></html>\n',
        '_users-theme/_layouts/post.html': layout('<h1 class="users-theme">{{ page.title }}</h1>{{ content }}'),
        '_users-theme/_layouts/page.html': layout('{{ content }}'),
        '_users-theme/_layouts/home.html': layout('<p>home</p>'),
      });
      await appendFile(join(site, 'Gemfile'), 'gem "jekyll-theme-users", path: "_users-theme"\n');
      const config = await readFile(join(site, '_config.yml'), 'utf8');
      await writeFile(
        join(site, '_config.yml'),
        config.replace('theme: jekyll-theme-tistory-default', 'theme: jekyll-theme-users'),
      );
      await expectUsersTheme(join(await buildJekyll(site), post.slug, 'index.html'));
    },
    120_000,
  );

  it('hexo: `theme` in _config.yml names the user’s theme', async () => {
    const site = await exportWithTheme('hexo', {
      'themes/users-theme/layout/post.njk':
        '<!doctype html><html><body><h1 class="users-theme">{{ page.title }}</h1>{{ page.content | safe }}</body></html>\n',
      'themes/users-theme/layout/index.njk': '<p>home</p>\n',
    });
    const config = await readFile(join(site, '_config.yml'), 'utf8');
    await writeFile(join(site, '_config.yml'), config.replace('theme: tistory-default', 'theme: users-theme'));
    await expectUsersTheme(join(await buildHexo(site), post.slug, 'index.html'));
  }, 120_000);
});
