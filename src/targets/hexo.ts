import { stringify } from 'yaml';
import type { ConvertedPost } from '../types.js';
import { postKindOf } from '../util/post-path.js';
import { createDocumentTarget, definedFields, isDownloaded, type DocumentFormat } from './document-target.js';
import { entryType } from './front-matter.js';
import { kstDateTime } from './dates.js';
import { slugPath } from './site-paths.js';
import type { Target, TargetContext } from './target.js';

const ROOT = 'hexo';
const postsFolder = `${ROOT}/source/_posts`;
/** A static page is a Hexo page (what `hexo new page` makes): published at `/<slug>/`, its files beside it. */
const isPage = (post: ConvertedPost) => postKindOf(post.meta) === 'page';
const folderOf = (post: ConvertedPost) => (isPage(post) ? `${ROOT}/source/${post.slug}` : `${postsFolder}/${post.slug}`);

/**
 * `<out>/hexo/`: `source/_posts/<slug>.md` with an asset folder `source/_posts/<slug>/` (Hexo's
 * `post_asset_folder`; notices too, with `type: notice`) and static pages as `source/<slug>/index.md`,
 * to copy into a Hexo site's `source/`. `_config.tistory.yml` holds the settings those files rely on,
 * to merge with `hexo --config _config.yml,_config.tistory.yml`.
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
    [`${ROOT}/_config.tistory.yml`]: stringify(
      {
        title: site.title,
        language: 'ko',
        timezone: 'Asia/Seoul',
        post_asset_folder: true,
        marked: { prependRoot: true, postAsset: true },
      },
      { lineWidth: 0, version: '1.1' },
    ),
  }),
};
