import { HEAD_META, SITE_CSS } from './site-style.js';

/**
 * The default look of the Hugo site, as a theme (`themes/tistory-default/`) named in `hugo.toml`: a site's
 * own `layouts/` would override any theme the user adds, a theme is replaced by changing one line.
 */
export const HUGO_THEME_NAME = 'tistory-default';

const DATE_TIME = '"2006-01-02T15:04:05-07:00"';

const baseof = `<!doctype html>
<html lang="{{ site.LanguageCode | default "ko" }}">
<head>
${HEAD_META}
<title>{{ if not .IsHome }}{{ .Title }} | {{ end }}{{ site.Title }}</title>
<style>
${SITE_CSS}</style>
</head>
<body>
<header class="site-header">
  <a class="site-title" href="{{ "/" | relURL }}">{{ site.Title }}</a>
  <nav>{{ range where site.RegularPages "Section" "pages" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</nav>
</header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
`;

/** A term page's path as a link: Hugo leaves `#` and `?` of a term (`C#`) as they are, which would end the path. */
const termHref = (term: string) => `{{ replace (replace ${term}.RelPermalink "#" "%23") "?" "%3F" }}`;

/** A post's title, date, category and tags (linked to their term pages), then its body. */
const single = `{{ define "main" }}
<article>
  <h1>{{ .Title }}</h1>
  <p class="meta">
    {{- if not .Date.IsZero }}<time datetime="{{ .Date.Format ${DATE_TIME} }}">{{ .Date.Format "2006-01-02" }}</time>{{ end }}
    {{- with .GetTerms "categories" }} · {{ range $index, $term := . }}{{ if $index }} / {{ end }}<a href="${termHref('$term')}">{{ $term.LinkTitle }}</a>{{ end }}{{ end }}
    {{- with .GetTerms "tags" }} · {{ range $term := . }}<a href="${termHref('$term')}">#{{ $term.LinkTitle }}</a> {{ end }}{{ end -}}
  </p>
  {{ .Content }}
</article>
{{ end }}
`;

const postItem = `<li><a href="{{ .RelPermalink }}">{{ if eq .Section "notices" }}<span class="label">공지</span>{{ end }}{{ .Title }}</a>{{ if not .Date.IsZero }} <time datetime="{{ .Date.Format ${DATE_TIME} }}">{{ .Date.Format "2006-01-02" }}</time>{{ end }}</li>`;

/** Section, category and tag pages: what they hold, newest first. */
const list = `{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul class="post-list">
{{ range .Pages.ByDate.Reverse }}${postItem}
{{ end }}</ul>
{{ end }}
`;

/** The home page: every post and notice, newest first. */
const home = `{{ define "main" }}
<ul class="post-list">
{{ range (where site.RegularPages "Section" "in" (slice "posts" "notices")).ByDate.Reverse }}${postItem}
{{ end }}</ul>
{{ end }}
`;

/** The theme's files, by their path in the output folder; `site` is the Hugo site's folder there. */
export function hugoThemeFiles(site: string): Record<string, string> {
  const root = `${site}/themes/${HUGO_THEME_NAME}`;
  return {
    [`${root}/layouts/_default/baseof.html`]: baseof,
    [`${root}/layouts/_default/single.html`]: single,
    [`${root}/layouts/_default/list.html`]: list,
    [`${root}/layouts/index.html`]: home,
  };
}
