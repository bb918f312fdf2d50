import { stringify } from 'yaml';
import { kstDateTime } from './dates.js';
import { createDocumentTarget, definedFields, type DocumentFormat } from './document-target.js';
import { oldPaths, slugPath } from './site-paths.js';
import type { Target, TargetContext } from './target.js';

const ROOT = 'jekyll';

/**
 * `<out>/jekyll/`: a Jekyll site. Posts are `_posts/YYYY-MM-DD-<slug>.md` (the day in KST), files go
 * to `assets/`, `_config.yml` publishes posts at `/<slug>/` and turns on `jekyll-redirect-from` for the
 * old Tistory paths. Every post says `render_with_liquid: false`: a code block showing `{{ … }}` or
 * `{% … %}` (Vue, Jinja, Go templates) would otherwise be run as Liquid and mangled or fail the build.
 */
export function createJekyllTarget({ outDir }: TargetContext): Target {
  return createDocumentTarget(jekyllFormat, outDir);
}

const jekyllFormat: DocumentFormat = {
  format: 'jekyll',
  documentPath: (post) => {
    // Jekyll only reads `_posts` files named by a date; an undated post is filed on the epoch, with its
    // front matter saying nothing, rather than being silently skipped by the build.
    const day = kstDateTime(post.meta.published ?? post.meta.updated)?.slice(0, 10) ?? '1970-01-01';
    return `${ROOT}/_posts/${day}-${post.slug}.md`;
  },
  placeAsset: (_post, asset) => ({ destination: `${ROOT}/assets/${asset.name}`, reference: `/assets/${asset.name}` }),
  postLink: (linked) => slugPath(linked.slug),
  frontMatter: (post, rendered) => {
    const date = kstDateTime(post.meta.published ?? post.meta.updated);
    return definedFields({
      layout: 'post',
      title: post.meta.title,
      date: date && `${date} +0900`,
      categories: post.meta.categories,
      tags: post.meta.tags,
      redirect_from: oldPaths(post.oldUrls),
      slug: post.slug,
      description: post.meta.description,
      author: post.meta.author,
      image: rendered.cover,
      render_with_liquid: false,
    });
  },
  siteFiles: (site) => ({
    [`${ROOT}/_config.yml`]: stringify(
      {
        title: site.title,
        lang: 'ko-KR',
        timezone: 'Asia/Seoul',
        permalink: '/:slug/',
        markdown: 'kramdown',
        plugins: ['jekyll-redirect-from'],
      },
      { lineWidth: 0, version: '1.1' },
    ),
    [`${ROOT}/_layouts/default.html`]: MINIMAL_LAYOUTS.default,
    [`${ROOT}/_layouts/post.html`]: MINIMAL_LAYOUTS.post,
    [`${ROOT}/index.html`]: MINIMAL_LAYOUTS.index,
  }),
};

const MINIMAL_LAYOUTS = {
  default: `<!doctype html>
<html lang="{{ site.lang }}">
<head><meta charset="utf-8"><title>{% if page.title %}{{ page.title | escape }} | {% endif %}{{ site.title | escape }}</title></head>
<body>{{ content }}</body>
</html>
`,
  post: `---
layout: default
---
<article>
  <h1>{{ page.title | escape }}</h1>
  <time datetime="{{ page.date | date_to_xmlschema }}">{{ page.date | date: "%Y-%m-%d" }}</time>
  {{ content }}
</article>
`,
  index: `---
layout: default
---
<ul>{% for post in site.posts %}<li><a href="{{ post.url | relative_url }}">{{ post.title | escape }}</a> <time>{{ post.date | date: "%Y-%m-%d" }}</time></li>{% endfor %}</ul>
`,
};
