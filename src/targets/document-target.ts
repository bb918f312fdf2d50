import { lstat } from 'node:fs/promises';
import { placeAsset } from '../assets/place-asset.js';
import type { CommentsMode } from '../names.js';
import type { ConvertedPost, LinkedPost, PostAsset, RenderedBody } from '../types.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { resolveInside } from '../util/safe-path.js';
import { renderDocument } from './front-matter.js';
import { commentsDocument, commentsToWrite, withCommentsSection } from './post-comments.js';
import { SiteInfo } from './site-info.js';
import type { Target } from './target.js';

/** A downloaded file's place in a platform's folders, and how the post's file refers to it. */
export interface AssetPlacement {
  /** Relative to the output folder, e.g. `jekyll/assets/x-1a2b3c4d.png`. */
  destination: string;
  /** What the post writes: a path relative to its file, or a site path. */
  reference: string;
}

/**
 * One platform whose posts are Markdown files with YAML front matter (Hugo, Jekyll, Hexo, Astro,
 * Obsidian): where things go and how they are spelled; `createDocumentTarget` does the writing.
 */
export interface DocumentFormat {
  format: string;
  /** The post's file, relative to the output folder. */
  documentPath(post: ConvertedPost): string;
  /**
   * Where `--comments json` puts the post's comments, relative to the output folder: beside the post,
   * where the platform's build neither reads nor chokes on it.
   */
  commentsPath(post: ConvertedPost): string;
  /** Where a downloaded asset of `post` goes; only called for assets with a stored file. */
  placeAsset(post: ConvertedPost, asset: DownloadedAsset): AssetPlacement;
  /** How a link to another exported post is written (see `UrlRewriter.post`). */
  postLink(linked: LinkedPost): string | null;
  frontMatter(post: ConvertedPost, rendered: RenderedBody): Record<string, unknown>;
  /** A last pass over the rendered Markdown (Obsidian turns post links into wikilinks). */
  body?(markdown: string): string;
  /**
   * Files the tool owns (a default theme, a schema the front matter follows), written when the run ends,
   * every run; paths relative to the output folder.
   */
  siteFiles?(site: SiteInfo): Record<string, string>;
  /**
   * Files that make the folder a project of its own (config, package.json, Gemfile, pages), which the
   * user is expected to edit: written when the run ends only if absent, so a re-run never undoes an edit.
   */
  starterFiles?(site: SiteInfo): Record<string, string>;
}

export type DownloadedAsset = PostAsset & { file: string; name: string };

export function isDownloaded(asset: PostAsset): asset is DownloadedAsset {
  return asset.file !== null && asset.name !== null;
}

/** Drops unset fields so front matter never carries `null` for "not known". */
export function definedFields(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== null));
}

export function createDocumentTarget(spec: DocumentFormat, outDir: string, commentsMode?: CommentsMode): Target {
  const site = new SiteInfo();

  async function write(post: ConvertedPost): Promise<string[]> {
    site.observe(post.meta);
    const file = spec.documentPath(post);
    const placements = new Map<PostAsset, AssetPlacement>();
    const placed = new Set<string>();
    for (const asset of post.assets) {
      if (!isDownloaded(asset)) continue;
      const placement = spec.placeAsset(post, asset);
      placements.set(asset, placement);
      if (placed.has(placement.destination)) continue;
      await placeAsset(outDir, asset.file, placement.destination);
      placed.add(placement.destination);
    }
    const rendered = post.render({
      asset: (asset) => placements.get(asset)?.reference ?? null,
      post: (linked) => spec.postLink(linked),
    });
    const comments = commentsToWrite(post, commentsMode);
    // The section goes through `body` too: Hugo must not run a shortcode a commenter typed.
    const full =
      comments && commentsMode === 'section' ? withCommentsSection(rendered.markdown, comments) : rendered.markdown;
    const markdown = spec.body ? spec.body(full) : full;
    await writeFileAtomic(resolveInside(outDir, file), renderDocument(spec.frontMatter(post, rendered), markdown));
    if (!comments || commentsMode !== 'json') return [file, ...placed];
    const commentsFile = spec.commentsPath(post);
    await writeFileAtomic(resolveInside(outDir, commentsFile), commentsDocument(post, comments));
    return [file, commentsFile, ...placed];
  }

  return {
    format: spec.format,
    writePost: write,
    rewritePost: write,
    async writeProtected() {
      return [];
    },
    async finish() {
      const written: string[] = [];
      for (const [path, text] of Object.entries(spec.siteFiles?.(site) ?? {})) {
        await writeFileAtomic(resolveInside(outDir, path), text);
        written.push(path);
      }
      for (const [path, text] of Object.entries(spec.starterFiles?.(site) ?? {})) {
        const file = resolveInside(outDir, path);
        if (await exists(file)) continue;
        await writeFileAtomic(file, text);
        written.push(path);
      }
      return written;
    },
    async abort() {},
  };
}

/** Anything at `path` (a file, a folder, a link) is the user's. */
async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}
