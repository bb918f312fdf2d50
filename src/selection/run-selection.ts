// What one run selects: the category or tag the source URL names, plus `--category`. Pure.

import { UsageError } from '../errors.js';
import { combineSelection, parseCategoryPath, type PostSelection } from './post-selection.js';
import type { SourceList } from './source-list.js';

interface RunSelection {
  selection: PostSelection;
  /** Said as the run starts: the source URL named a page that selects nothing. */
  warning: string | null;
}

export function runSelection(
  source: { postUrl: string | null; list: SourceList },
  categories: readonly string[],
  sourceArgument: string,
): RunSelection {
  if (source.postUrl !== null && categories.length > 0) {
    throw new UsageError(
      `--category chooses among a blog's posts, and ${sourceArgument} is one post: give the blog's address`,
    );
  }
  const fromFlags = categories.map(parseCategoryPath);
  const { list } = source;
  const fromSource = list.kind === 'category' ? [list.path] : [];
  const warning =
    list.kind === 'other'
      ? `${sourceArgument} is not a post, category or tag page: exporting the whole blog${categories.length > 0 ? ' (with --category)' : ''}`
      : null;
  return { selection: combineSelection([...fromSource, ...fromFlags], list.kind === 'tag' ? list.tag : null), warning };
}
