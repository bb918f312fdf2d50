import type { ConvertedPost, PostKind } from '../types.js';
import { postKindOf } from '../util/post-path.js';
import { createDocumentTarget, definedFields, type DocumentFormat } from './document-target.js';
import { oldPaths, slugPath } from './site-paths.js';
import type { Target, TargetContext } from './target.js';
import { tomlString } from './toml.js';
import { HUGO_THEME_NAME, hugoThemeFiles } from './hugo-theme.js';
import { gitignore } from './site-gitignore.js';

const ROOT = 'hugo';
/**
 * Hugo's front matter `type` picks the layouts, so notices and static pages are told apart by their
 * section instead: a theme lists `posts` (its main section) and can show `notices` and `pages` its own way.
 */
const SECTIONS: Record<PostKind, string> = { post: 'posts', notice: 'notices', page: 'pages' };
const bundleOf = (post: ConvertedPost) => `${ROOT}/content/${SECTIONS[postKindOf(post.meta)]}/${post.slug}`;

/**
 * `<out>/hugo/`: a Hugo site. Each post is a page bundle `content/posts/<slug>/index.md` with its images
 * beside it (notices in `content/notices/`, static pages in `content/pages/`); `hugo.toml` publishes all
 * of them at `/<slug>/` and lets raw HTML through (embeds and tables the converter kept as HTML would
 * otherwise be dropped) and names the default theme, `themes/tistory-default/` (a readable home page and
 * post page), so the site builds as it is; setting `theme` to another theme replaces it. `hugo.toml` is
 * written only when absent: once written it is the user's.
 */
export function createHugoTarget({ outDir, comments }: TargetContext): Target {
  return createDocumentTarget(hugoFormat, outDir, comments);
}

const hugoFormat: DocumentFormat = {
  format: 'hugo',
  documentPath: (post) => `${bundleOf(post)}/index.md`,
  // A page resource of the bundle: published beside the page, readable by a theme with `.Resources`.
  commentsPath: (post) => `${bundleOf(post)}/comments.json`,
  placeAsset: (post, asset) => ({ destination: `${bundleOf(post)}/${asset.name}`, reference: asset.name }),
  postLink: (linked) => slugPath(linked.slug),
  body: escapeShortcodes,
  frontMatter: (post, rendered) =>
    definedFields({
      title: post.meta.title,
      date: post.meta.published,
      lastmod: post.meta.updated,
      draft: false,
      slug: post.slug,
      tags: post.meta.tags,
      categories: post.meta.categories,
      aliases: oldPaths(post.oldUrls),
      images: coverImages(post, rendered.cover),
      description: post.meta.description,
      author: post.meta.author,
    }),
  siteFiles: () => hugoThemeFiles(ROOT),
  starterFiles: (site) => ({
    [`${ROOT}/hugo.toml`]: [
      'baseURL = "/"',
      `title = ${tomlString(site.title)}`,
      'languageCode = "ko-kr"',
      'hasCJKLanguage = true',
      'timeZone = "Asia/Seoul"',
      `theme = ${tomlString(HUGO_THEME_NAME)}`,
      '',
      '[permalinks]',
      ...Object.values(SECTIONS).map((section) => `  ${section} = "/:slug/"`),
      '',
      '[markup.goldmark.renderer]',
      '  unsafe = true',
      '',
    ].join('\n'),
    [`${ROOT}/.gitignore`]: gitignore(['public/', 'resources/', '.hugo_build.lock']),
  }),
};

/**
 * Hugo's own Open Graph template reads `images` as site paths, so a bundle's image is spelled with the
 * page's path; a cover that stayed remote keeps its URL.
 */
function coverImages(post: ConvertedPost, cover: string | null): string[] | undefined {
  if (cover === null) return undefined;
  return [/^[a-z][a-z0-9+.-]*:/i.test(cover) ? cover : `${slugPath(post.slug)}${cover}`];
}

/**
 * Hugo runs `{{< … >}}` and `{{% … %}}` as shortcodes even inside code blocks, so a post about Hugo
 * would fail the build or lose text; Hugo's own escape (a `/*` `*\/` comment just inside the
 * delimiters) prints them as written.
 */
function escapeShortcodes(markdown: string): string {
  return markdown.replace(
    /\{\{([<%])([\s\S]*?)([>%])\}\}/g,
    (_, open: string, inner: string, close: string) => `{{${open}/*${inner}*/${close}}}`,
  );
}
