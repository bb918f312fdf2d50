import { HEAD_META, SITE_CSS } from './site-style.js';

/**
 * The default look of the Jekyll site, as a theme gem kept in the site's own folder (Bundler installs it
 * from its path): a site's `_layouts/` would override any theme the user adds, a theme is replaced by
 * changing `theme` in `_config.yml` and its gem in the `Gemfile`. A folder starting with `_` is never
 * published.
 */
export const JEKYLL_THEME_GEM = 'jekyll-theme-tistory-default';
const JEKYLL_THEME_FOLDER = `_themes/${JEKYLL_THEME_GEM}`;

/**
 * The gems the site builds with. `bundle install` then `bundle exec jekyll build`; Jekyll also reads the
 * Gemfile by itself when run in this folder.
 */
export const JEKYLL_GEMFILE = `# The gems this site builds with: \`bundle install\`, then \`bundle exec jekyll build\` (or \`jekyll serve\`).
source "https://rubygems.org"

gem "jekyll", "~> 4.3"

# The default layout, kept in this folder. To use another theme, add its gem here and name it as
# \`theme\` in _config.yml.
gem "${JEKYLL_THEME_GEM}", path: "${JEKYLL_THEME_FOLDER}"

group :jekyll_plugins do
  # Publishes the old Tistory addresses in each post's \`redirect_from\` as redirects.
  gem "jekyll-redirect-from", "~> 0.16"
end

# Windows has no time zone database for \`timezone\` in _config.yml.
if Gem.win_platform?
  gem "tzinfo", ">= 1", "< 3"
  gem "tzinfo-data"
end
`;

const GEMSPEC = `# The default layout tistory-export writes, as a theme gem installed from this folder.
Gem::Specification.new do |spec|
  spec.name = "${JEKYLL_THEME_GEM}"
  spec.version = "1.0.0"
  spec.summary = "A minimal readable layout for a blog exported from Tistory"
  spec.authors = ["tistory-export"]
  spec.license = "MIT"
  spec.files = Dir.glob("_layouts/*", base: __dir__)
  spec.add_runtime_dependency "jekyll", ">= 4.0", "< 5.0"
end
`;

const defaultLayout = `<!doctype html>
<html lang="{{ site.lang | default: "ko" }}">
<head>
${HEAD_META}
<title>{% if page.title %}{{ page.title | escape }} | {% endif %}{{ site.title | escape }}</title>
<style>
${SITE_CSS}</style>
</head>
<body>
<header class="site-header">
  <a class="site-title" href="{{ "/" | relative_url }}">{{ site.title | escape }}</a>
  <nav>{% assign static_pages = site.pages | where: "layout", "page" %}{% for static in static_pages %}<a href="{{ static.url | relative_url }}">{{ static.title | escape }}</a>{% endfor %}</nav>
</header>
<main>{{ content }}</main>
</body>
</html>
`;

const DATE = `{% if page.date %}<time datetime="{{ page.date | date_to_xmlschema }}">{{ page.date | date: "%Y-%m-%d" }}</time>{% endif %}`;

/** A post's title, date, category path and tags, then its body. */
const postLayout = `---
layout: default
---
<article>
  <h1>{{ page.title | escape }}</h1>
  <p class="meta">${DATE}{% if page.categories.size > 0 %} · {{ page.categories | join: " / " | escape }}{% endif %}{% if page.tags.size > 0 %} ·{% for tag in page.tags %} #{{ tag | escape }}{% endfor %}{% endif %}</p>
  {{ content }}
</article>
`;

const pageLayout = `---
layout: default
---
<article>
  <h1>{{ page.title | escape }}</h1>
  <p class="meta">${DATE}</p>
  {{ content }}
</article>
`;

/** The home page: every post and notice, newest first. */
const homeLayout = `---
layout: default
---
{{ content }}
<ul class="post-list">
{% for post in site.posts %}<li><a href="{{ post.url | relative_url }}">{% if post.type == "notice" %}<span class="label">공지</span>{% endif %}{{ post.title | escape }}</a> <time datetime="{{ post.date | date_to_xmlschema }}">{{ post.date | date: "%Y-%m-%d" }}</time></li>
{% endfor %}</ul>
`;

/** The theme's files, by their path in the output folder; `site` is the Jekyll site's folder there. */
export function jekyllThemeFiles(site: string): Record<string, string> {
  const root = `${site}/${JEKYLL_THEME_FOLDER}`;
  return {
    [`${root}/${JEKYLL_THEME_GEM}.gemspec`]: GEMSPEC,
    [`${root}/_layouts/default.html`]: defaultLayout,
    [`${root}/_layouts/home.html`]: homeLayout,
    [`${root}/_layouts/post.html`]: postLayout,
    [`${root}/_layouts/page.html`]: pageLayout,
  };
}

/** The site's home page: the theme's `home` layout lists the posts (most themes have one by that name). */
export const JEKYLL_INDEX = `---
layout: home
---
`;
