// Which of a blog's posts a run exports: a category URL or `--category` names categories, a tag URL a
// tag. Pure.

import { UsageError } from '../errors.js';
import type { PostMeta } from '../types.js';

/**
 * Posts in any of `categories` (each path with its subcategories, as Tistory's own category lists
 * show them) that, when `tag` is set, also carry that tag. No category and no tag: the whole blog.
 */
export interface PostSelection {
  /** Category paths, `['개발', 'Python']` for 개발 › Python. */
  categories: string[][];
  tag: string | null;
}

export const WHOLE_BLOG: PostSelection = { categories: [], tag: null };

export function isWholeBlog(selection: PostSelection): boolean {
  return selection.categories.length === 0 && selection.tag === null;
}

/** `개발/Python` (a `--category` value) → `['개발', 'Python']`. */
export function parseCategoryPath(raw: string): string[] {
  const names = raw.split('/').map((name) => name.normalize('NFC').trim());
  if (names.some((name) => name === '')) {
    throw new UsageError(
      `--category needs a category name such as 개발, or 개발/Python for a subcategory, got "${raw}"`,
    );
  }
  return names;
}

/** Case and Unicode form aside, Tistory shows a name as it was typed; a user types it either way. */
export function sameName(a: string, b: string): boolean {
  return a.normalize('NFC').trim().toLowerCase() === b.normalize('NFC').trim().toLowerCase();
}

/** Whether `category` is `within` or one of its subcategories. */
function isWithinCategory(category: readonly string[], within: readonly string[]): boolean {
  return within.length <= category.length && within.every((name, index) => sameName(name, category[index]!));
}

/** The selection's categories, each once; a category already inside another selected one adds nothing. */
export function combineSelection(categories: readonly string[][], tag: string | null): PostSelection {
  const kept = categories.filter(
    (path, index) =>
      !categories.some(
        (other, otherIndex) =>
          otherIndex !== index && isWithinCategory(path, other) && (other.length < path.length || otherIndex < index),
      ),
  );
  return { categories: kept.map((path) => [...path]), tag };
}

/** What the page of a fetched post says decides: a sidebar link on a category's list is not in that category. */
export function isSelected(meta: Pick<PostMeta, 'categories' | 'tags'>, selection: PostSelection): boolean {
  const inCategory =
    selection.categories.length === 0 || selection.categories.some((path) => isWithinCategory(meta.categories, path));
  const tag = selection.tag;
  return inCategory && (tag === null || meta.tags.some((name) => sameName(name, tag)));
}

/** `category 개발 (and its subcategories)`, `tag python in categories 개발, 여행 (and their subcategories)`. */
export function describeSelection(selection: PostSelection): string {
  const names = selection.categories.map((path) => path.join('/'));
  const categories =
    names.length === 0
      ? ''
      : names.length === 1
        ? `category ${names[0]} (and its subcategories)`
        : `categories ${names.join(', ')} (and their subcategories)`;
  if (selection.tag === null) return categories;
  return categories === '' ? `tag ${selection.tag}` : `tag ${selection.tag} in ${categories}`;
}
