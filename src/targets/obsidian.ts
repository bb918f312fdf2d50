import { createDocumentTarget, definedFields, type DocumentFormat } from './document-target.js';
import { kstDateTime } from './dates.js';
import { entryType } from './front-matter.js';
import type { Target, TargetContext } from './target.js';
import { noteMarker, toWikilinks } from './wikilinks.js';

const ROOT = 'obsidian';
const ATTACHMENTS = 'attachments';

/**
 * `<out>/obsidian/`: a vault. One note per post (`<slug>.md`, the title as an alias so `[[title]]` finds
 * it), images and files in `attachments/`, links between posts as `[[wikilinks]]`.
 */
export function createObsidianTarget({ outDir, comments }: TargetContext): Target {
  return createDocumentTarget(obsidianFormat, outDir, comments);
}

const obsidianFormat: DocumentFormat = {
  format: 'obsidian',
  documentPath: (post) => `${ROOT}/${post.slug}.md`,
  commentsPath: (post) => `${ROOT}/${post.slug}.comments.json`,
  placeAsset: (_post, asset) => ({
    destination: `${ROOT}/${ATTACHMENTS}/${asset.name}`,
    reference: `${ATTACHMENTS}/${asset.name}`,
  }),
  postLink: (linked) => noteMarker(linked.slug),
  body: toWikilinks,
  frontMatter: (post, rendered) =>
    definedFields({
      title: post.meta.title,
      aliases: [post.meta.title],
      type: entryType(post.meta),
      tags: obsidianTags(post.meta.tags),
      category: post.meta.categories.length > 0 ? post.meta.categories.join('/') : undefined,
      created: obsidianDateTime(post.meta.published),
      updated: obsidianDateTime(post.meta.updated),
      author: post.meta.author,
      description: post.meta.description,
      cover: rendered.cover,
      source: post.meta.url,
    }),
};

/** Obsidian's Date & time property is local time without an offset; Tistory's time is KST. */
function obsidianDateTime(iso: string | null): string | null {
  return kstDateTime(iso)?.replace(' ', 'T') ?? null;
}

const SPELLED_OUT: Readonly<Record<string, string>> = { '+': 'plus', '#': 'sharp', '&': 'and' };

/**
 * Obsidian tags hold letters, digits, `_`, `-` and `/`, no spaces, and not only digits: `c++` becomes
 * `cplusplus`, `맛집 탐방` `맛집_탐방`, `2023` `_2023`.
 */
export function obsidianTags(tags: readonly string[]): string[] {
  const cleaned = tags.map((tag) => {
    const spelled = tag.trim().replace(/[+#&]/g, (char) => SPELLED_OUT[char] ?? char);
    const safe = spelled
      .replace(/\s+/g, '_')
      .replace(/[^\p{L}\p{N}\p{M}_\-/]+/gu, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^[-/]+|[-/]+$/g, '');
    return /^\d+$/.test(safe) ? `_${safe}` : safe;
  });
  return [...new Set(cleaned.filter(Boolean))];
}
