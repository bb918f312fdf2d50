import { stringify } from 'yaml';
import type { ConvertedPost } from '../types.js';
import { postKindOf } from '../util/post-path.js';
import { createDocumentTarget, definedFields, isDownloaded, type DocumentFormat } from './document-target.js';
import { entryType } from './front-matter.js';
import { kstDateTime } from './dates.js';
import { slugPath } from './site-paths.js';
import type { Target, TargetContext } from './target.js';
import type { SiteInfo } from './site-info.js';
import { HEXO_PACKAGE_JSON, HEXO_THEME_NAME, hexoThemeFiles } from './hexo-theme.js';
import { gitignore } from './site-gitignore.js';

const ROOT = 'hexo';
const postsFolder = `${ROOT}/source/_posts`;
/** A static page is a Hexo page (what `hexo new page` makes): published at `/<slug>/`, its files beside it. */
const isPage = (post: ConvertedPost) => postKindOf(post.meta) === 'page';
const folderOf = (post: ConvertedPost) =>
  isPage(post) ? `${ROOT}/source/${post.slug}` : `${postsFolder}/${post.slug}`;

/**
 * `<out>/hexo/`: a Hexo site. `source/_posts/<slug>.md` with an asset folder `source/_posts/<slug>/`
 * (Hexo's `post_asset_folder`; notices too, with `type: notice`) and static pages as
 * `source/<slug>/index.md`; `_config.yml`, `package.json` (Hexo and its Markdown renderer) and the default
 * theme (see `hexo-theme.ts`) make `npm install && npx hexo generate` build the folder as it is.
 * `_config.yml` and `package.json` are written only when absent. `_config.tistory.yml` holds just the
 * settings the posts rely on, for merging into another Hexo site (`hexo --config _config.yml,_config.tistory.yml`).
 */
export function createHexoTarget({ outDir, comments }: TargetContext): Target {
  return createDocumentTarget(hexoFormat, outDir, comments);
}

const hexoFormat: DocumentFormat = {
  format: 'hexo',
  documentPath: (post) => (isPage(post) ? `${folderOf(post)}/index.md` : `${postsFolder}/${post.slug}.md`),
  // In the post's asset folder: Hexo copies it beside the post; a `.json` loose in `_posts` could be read as a post.
  commentsPath: (post) => `${folderOf(post)}/comments.json`,
  // Hexo publishes the asset folder at the post's permalink, so a bare name resolves both in the
  // rendered page and through `marked.postAsset`. That option skips pages, and `prependRoot` would turn
  // a page's bare name into one at the site root: a page names its files by its own path.
  placeAsset: (post, asset) => ({
    destination: `${folderOf(post)}/${asset.name}`,
    reference: isPage(post) ? `${slugPath(post.slug)}${asset.name}` : asset.name,
  }),
  postLink: (linked) => slugPath(linked.slug),
  frontMatter: (post, rendered) => {
    const page = isPage(post);
    return definedFields({
      title: post.meta.title,
      layout: page ? 'page' : undefined,
      type: entryType(post.meta),
      // Hexo shifts a date by `timezone` even when it carries an offset (`…+09:00` came out 9 hours early
      // on a machine in UTC); Korean wall time without one, read in `timezone: Asia/Seoul`, is exact anywhere.
      date: kstDateTime(post.meta.published),
      updated: kstDateTime(post.meta.updated),
      // A plain list is one category path in Hexo (`[개발, Python]` is Python inside 개발). Pages have neither.
      categories: page ? undefined : post.meta.categories,
      tags: page ? undefined : post.meta.tags,
      // A page's folder is its path already.
      permalink: page ? undefined : `${post.slug}/`,
      description: post.meta.description,
      author: post.meta.author,
      // Themes show it through `url_for`, which puts the site root before a bare name (`/x.jpg`, on the
      // index page too): a stored cover is named by the post's own path.
      cover: post.cover && isDownloaded(post.cover) ? `${slugPath(post.slug)}${post.cover.name}` : rendered.cover,
    });
  },
  siteFiles: (site) => ({
    [`${ROOT}/_config.tistory.yml`]: yaml(postSettings(site)),
    ...hexoThemeFiles(ROOT),
  }),
  starterFiles: (site) => ({
    [`${ROOT}/_config.yml`]: `# The site's settings, written once by tistory-export: yours to edit, a re-run keeps them.\n${yaml(
      {
        ...postSettings(site),
        permalink: ':title/',
        theme: HEXO_THEME_NAME,
      },
    )}`,
    [`${ROOT}/package.json`]: HEXO_PACKAGE_JSON,
    [`${ROOT}/.gitignore`]: gitignore(['node_modules/', 'public/', 'db.json', '.deploy*/']),
  }),
};

/** What the exported posts rely on: their dates read in Korean time, their files in their asset folders. */
function postSettings(site: SiteInfo): Record<string, unknown> {
  return {
    title: site.title,
    language: 'ko',
    timezone: 'Asia/Seoul',
    post_asset_folder: true,
    marked: { prependRoot: true, postAsset: true },
  };
}

function yaml(value: Record<string, unknown>): string {
  return stringify(value, { lineWidth: 0, version: '1.1' });
}
