// Names every stage shares. This module imports nothing, so reading a format's or a mode's name (as
// options.ts does for the CLI's help) never loads the targets, the pipeline or the network code.
// tests/architecture/leaf-names.test.ts keeps it that way.

/**
 * In the order `--help` lists them. Each writes under `<out>/<format>/` (jsonl: `<out>/posts.jsonl`), but
 * wordpress, which publishes to a site (`--wp-url`) and keeps only its record in the output folder.
 */
export const FORMATS = [
  'markdown',
  'hugo',
  'jekyll',
  'hexo',
  'astro',
  'obsidian',
  'wxr',
  'ghost',
  'jsonl',
  'wordpress',
] as const;

export type Format = (typeof FORMATS)[number];

export function isFormat(name: string): name is Format {
  return (FORMATS as readonly string[]).includes(name);
}

/**
 * `shared`: posts point at the one assets folder (`<out>/assets/`), or at the platform's static folder.
 * `bundle`: each post gets its own folder with its files beside it (Hugo's page bundles).
 */
export type AssetLayout = 'shared' | 'bundle';

/**
 * `off`: no comments are fetched. `json` and `section` fetch every exported post's comments into jsonl and
 * wxr; the Markdown formats then write a `comments.json` beside each post (`json`) or append a `## 댓글`
 * section to it (`section`).
 */
export type CommentsMode = 'off' | 'json' | 'section';
export const COMMENTS_MODES: readonly CommentsMode[] = ['off', 'json', 'section'];

/** `--images`: download the originals, keep the Tistory URLs, or leave images out. */
export type ImagesMode = 'download' | 'remote' | 'none';

/** Post ids: numeric ids in numeric order; anything else after them, alphabetically. */
export function compareIds(a: string, b: string): number {
  const numericA = /^\d+$/.test(a);
  const numericB = /^\d+$/.test(b);
  if (numericA && numericB) return Number(a) - Number(b) || a.localeCompare(b);
  if (numericA !== numericB) return numericA ? -1 : 1;
  return a.localeCompare(b);
}

/**
 * Below this many posts to fetch, starting worker threads costs more than it saves. Here, not beside the
 * pool: the option table names it in `--workers`' help without loading the pool and every stage it runs.
 */
export const POOL_THRESHOLD = 50;
