import { HEAD_META, SITE_CSS } from './site-style.js';
import { sitePackageJson, SITE_PACKAGE_VERSIONS } from './site-packages.js';

/**
 * The default look of the Hexo site (`themes/tistory-default/`, named by `theme` in `_config.yml`), in
 * Nunjucks, which Hexo renders without a plugin: the folder builds with Hexo and its Markdown renderer
 * alone. Installing a theme and naming it in `_config.yml` replaces it.
 */
export const HEXO_THEME_NAME = 'tistory-default';

const layout = `<!doctype html>
<html lang="{{ config.language or 'ko' }}">
<head>
${HEAD_META}
<title>{% if page.title %}{{ page.title }} | {% endif %}{{ config.title }}</title>
<style>
${SITE_CSS}</style>
</head>
<body>
<header class="site-header">
  <a class="site-title" href="{{ url_for('/') }}">{{ config.title }}</a>
  <nav>{% for static in site.pages.toArray() %}{% if static.layout == 'page' %}<a href="{{ url_for(static.path) | replace(r/index\\.html$/, '') }}">{{ static.title }}</a>{% endif %}{% endfor %}</nav>
</header>
<main>{{ body | safe }}</main>
</body>
</html>
`;

// The day in the site's time zone (Hexo's date helper); the attribute is the instant itself.
const DATE = `{% if page.date %}<time datetime="{{ page.date.toISOString() }}">{{ date(page.date, 'YYYY-MM-DD') }}</time>{% endif %}`;

/** A post's title, date, category path and tags, then its body. */
const post = `<article>
  <h1>{{ page.title }}</h1>
  <p class="meta">${DATE}
    {%- if page.categories and page.categories.length %} · {% for category in page.categories.toArray() %}{% if not loop.first %} / {% endif %}{{ category.name }}{% endfor %}{% endif %}
    {%- if page.tags and page.tags.length %} ·{% for tag in page.tags.toArray() %} #{{ tag.name }}{% endfor %}{% endif %}</p>
  {{ page.content | safe }}
</article>
`;

const page = `<article>
  <h1>{{ page.title }}</h1>
  <p class="meta">${DATE}</p>
  {{ page.content | safe }}
</article>
`;

/** The home page: `page.posts` as the home generator hands them, newest first. */
const index = `<ul class="post-list">
{% for entry in page.posts.toArray() %}<li><a href="{{ url_for(entry.path) }}">{% if entry.type == 'notice' %}<span class="label">공지</span>{% endif %}{{ entry.title }}</a> <time datetime="{{ entry.date.toISOString() }}">{{ date(entry.date, 'YYYY-MM-DD') }}</time></li>
{% endfor %}</ul>
`;

/**
 * Hexo makes no home page without the hexo-generator-index plugin: the theme makes one, every post and
 * notice newest first, unless that plugin is installed and makes its own.
 */
const homeScript = `// The home page of the default theme, unless hexo-generator-index (which makes its own) is installed.
hexo.extend.generator.register('tistory-default-home', (locals) => {
  if (hexo.extend.generator.get('index')) return [];
  return { path: 'index.html', layout: ['index'], data: { __index: true, posts: locals.posts.sort('-date') } };
});
`;

/** The theme's files, by their path in the output folder; `site` is the Hexo site's folder there. */
export function hexoThemeFiles(site: string): Record<string, string> {
  const root = `${site}/themes/${HEXO_THEME_NAME}`;
  return {
    [`${root}/layout/layout.njk`]: layout,
    [`${root}/layout/index.njk`]: index,
    [`${root}/layout/post.njk`]: post,
    [`${root}/layout/page.njk`]: page,
    [`${root}/scripts/home.js`]: homeScript,
  };
}

/**
 * Hexo loads the plugins its site's package.json depends on; `hexo.version` marks the folder as a Hexo
 * site for the `hexo` command.
 */
export const HEXO_PACKAGE_JSON = sitePackageJson('tistory-hexo-site', {
  extra: { hexo: { version: SITE_PACKAGE_VERSIONS.hexo.replace(/^\^/, '') } },
  scripts: { build: 'hexo generate', clean: 'hexo clean' },
  dependencies: ['hexo', 'hexo-renderer-marked'],
});
