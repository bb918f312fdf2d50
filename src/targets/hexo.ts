import { stringify } from 'yaml';
import { createDocumentTarget, definedFields, type DocumentFormat } from './document-target.js';
import { slugPath } from './site-paths.js';
import type { Target, TargetContext } from './target.js';

const ROOT = 'hexo';
const postsFolder = `${ROOT}/source/_posts`;

/**
 * `<out>/hexo/`: `source/_posts/<slug>.md` with an asset folder `source/_posts/<slug>/` (Hexo's
 * `post_asset_folder`), to copy into a Hexo site's `source/`. `_config.tistory.yml` holds the settings
 * those files rely on, to merge with `hexo --config _config.yml,_config.tistory.yml`.
 */
export function createHexoTarget({ outDir }: TargetContext): Target {
  return createDocumentTarget(hexoFormat, outDir);
}

const hexoFormat: DocumentFormat = {
  format: 'hexo',
  documentPath: (post) => `${postsFolder}/${post.slug}.md`,
  // Hexo publishes the asset folder at the post's permalink, so a bare name resolves both in the
  // rendered page and through `marked.postAsset`.
  placeAsset: (post, asset) => ({ destination: `${postsFolder}/${post.slug}/${asset.name}`, reference: asset.name }),
  postLink: (linked) => slugPath(linked.slug),
  frontMatter: (post, rendered) =>
    definedFields({
      title: post.meta.title,
      date: post.meta.published,
      updated: post.meta.updated,
      // A plain list is one category path in Hexo (`[개발, Python]` is Python inside 개발).
      categories: post.meta.categories,
      tags: post.meta.tags,
      permalink: `${post.slug}/`,
      description: post.meta.description,
      author: post.meta.author,
      cover: rendered.cover,
    }),
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
