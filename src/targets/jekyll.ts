import { stringify } from 'yaml';
import type { ConvertedPost } from '../types.js';
import { postKindOf } from '../util/post-path.js';
import { kstDateTime } from './dates.js';
import { createDocumentTarget, definedFields, type DocumentFormat } from './document-target.js';
import { entryType } from './front-matter.js';
import { oldPaths, slugPath } from './site-paths.js';
import type { Target, TargetContext } from './target.js';
import { JEKYLL_GEMFILE, JEKYLL_INDEX, JEKYLL_THEME_GEM, jekyllThemeFiles } from './jekyll-theme.js';
import { gitignore } from './site-gitignore.js';

const ROOT = 'jekyll';

/**
 * `<out>/jekyll/`: a Jekyll site. Posts are `_posts/YYYY-MM-DD-<slug>.md` (the day in KST; notices too,
 * with `type: notice`), static pages `pages/<slug>.md` with `layout: page`, files go to `assets/`,
 * `_config.yml` publishes posts at `/<slug>/` and turns on `jekyll-redirect-from` for the old Tistory
 * paths. The `Gemfile` names Jekyll, that plugin and the default theme (see `jekyll-theme.ts`), so
 * `bundle install && bundle exec jekyll build` builds the folder as it is; `_config.yml`, `Gemfile` and
 * `index.html` are written only when absent. Every post says `render_with_liquid: false`: a code block
 * showing `{{ … }}` or `{% … %}` (Vue, Jinja, Go templates) would otherwise be run as Liquid and mangled
 * or fail the build.
 */
export function createJekyllTarget({ outDir, comments }: TargetContext): Target {
  return createDocumentTarget(jekyllFormat, outDir, comments);
}

const jekyllFormat: DocumentFormat = {
  format: 'jekyll',
  // A static page is a Jekyll page, not a dated post; `pages/` keeps it clear of the site's own files.
  documentPath: (post) => (isPage(post) ? `${ROOT}/pages/${post.slug}.md` : `${ROOT}/_posts/${postFileStem(post)}.md`),
  // Not beside the post: Jekyll would publish a file in `_posts` as a page at `/<slug>-comments/`. A
  // folder whose name starts with `_` is one the build never reads.
  commentsPath: (post) =>
    isPage(post) ? `${ROOT}/_comments/pages/${post.slug}.json` : `${ROOT}/_comments/${postFileStem(post)}.json`,
  placeAsset: (_post, asset) => ({ destination: `${ROOT}/assets/${asset.name}`, reference: `/assets/${asset.name}` }),
  postLink: (linked) => slugPath(linked.slug),
  frontMatter: (post, rendered) => {
    const date = kstDateTime(post.meta.published ?? post.meta.updated);
    const page = isPage(post);
    return definedFields({
      layout: page ? 'page' : 'post',
      title: post.meta.title,
      type: entryType(post.meta),
      date: date && `${date} +0900`,
      categories: page ? undefined : post.meta.categories,
      tags: page ? undefined : post.meta.tags,
      // `permalink` in _config.yml shapes posts only.
      permalink: page ? slugPath(post.slug) : undefined,
      redirect_from: oldPaths(post.oldUrls),
      slug: post.slug,
      description: post.meta.description,
      author: post.meta.author,
      image: rendered.cover,
      render_with_liquid: false,
    });
  },
  siteFiles: () => jekyllThemeFiles(ROOT),
  starterFiles: (site) => ({
    [`${ROOT}/_config.yml`]: stringify(
      {
        title: site.title,
        lang: 'ko-KR',
        timezone: 'Asia/Seoul',
        permalink: '/:slug/',
        markdown: 'kramdown',
        theme: JEKYLL_THEME_GEM,
        plugins: ['jekyll-redirect-from'],
      },
      { lineWidth: 0, version: '1.1' },
    ),
    [`${ROOT}/Gemfile`]: JEKYLL_GEMFILE,
    [`${ROOT}/index.html`]: JEKYLL_INDEX,
    [`${ROOT}/.gitignore`]: gitignore(['_site/', '.jekyll-cache/', '.sass-cache/', '.bundle/', 'vendor/']),
  }),
};

function isPage(post: ConvertedPost): boolean {
  return postKindOf(post.meta) === 'page';
}

/**
 * Jekyll only reads `_posts` files named by a date; an undated post is filed on the epoch, with its
 * front matter saying nothing, rather than being silently skipped by the build.
 */
function postFileStem(post: ConvertedPost): string {
  const day = kstDateTime(post.meta.published ?? post.meta.updated)?.slice(0, 10) ?? '1970-01-01';
  return `${day}-${post.slug}`;
}
