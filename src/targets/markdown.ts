import { placeAsset } from '../assets/place-asset.js';
import type { ConvertedPost } from '../types.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { resolveInside } from '../util/safe-path.js';
import { markdownFrontMatter, renderDocument } from './front-matter.js';
import { commentsDocument, commentsToWrite, withCommentsSection } from './post-comments.js';
import { relativeLink } from './relative-path.js';
import type { Target, TargetContext } from './target.js';

/**
 * `<out>/markdown/<slug>.md`, plain Markdown with YAML front matter, images pointing at `<out>/assets/`;
 * or, with the bundle layout, `<out>/markdown/<slug>/index.md` with its files beside it.
 */
export function createMarkdownTarget({ outDir, assetLayout, comments: commentsMode }: TargetContext): Target {
  const bundle = assetLayout === 'bundle';
  const fileOf = (slug: string) => (bundle ? `markdown/${slug}/index.md` : `markdown/${slug}.md`);
  const commentsFileOf = (slug: string) =>
    bundle ? `markdown/${slug}/comments.json` : `markdown/${slug}.comments.json`;

  async function write(post: ConvertedPost): Promise<string[]> {
    const file = fileOf(post.slug);
    const placed: string[] = [];
    if (bundle) {
      for (const asset of post.assets) {
        if (asset.file === null || asset.name === null) continue;
        const destination = `markdown/${post.slug}/${asset.name}`;
        if (placed.includes(destination)) continue;
        await placeAsset(outDir, asset.file, destination);
        placed.push(destination);
      }
    }
    const rendered = post.render({
      asset: (asset) =>
        asset.file === null || asset.name === null ? null : bundle ? asset.name : relativeLink(file, asset.file),
      post: (linked) => relativeLink(file, fileOf(linked.slug)),
    });
    const comments = commentsToWrite(post, commentsMode);
    const markdown =
      comments && commentsMode === 'section' ? withCommentsSection(rendered.markdown, comments) : rendered.markdown;
    await writeFileAtomic(resolveInside(outDir, file), renderDocument(markdownFrontMatter(post, rendered), markdown));
    if (!comments || commentsMode !== 'json') return [file, ...placed];
    const commentsFile = commentsFileOf(post.slug);
    await writeFileAtomic(resolveInside(outDir, commentsFile), commentsDocument(post, comments));
    return [file, commentsFile, ...placed];
  }

  return {
    format: 'markdown',
    writePost: write,
    rewritePost: write,
    async writeProtected() {
      return [];
    },
    async finish() {
      return [];
    },
    async abort() {},
  };
}
