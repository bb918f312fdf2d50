// The lists that hold a selection's posts: a category's `/category/개발/Python` (which lists its
// subcategories' posts too) or a tag's `/tag/python`. Category names are spelled as the blog's own
// category tree spells them, so `--category python` reads the list of `Python`.

import { load } from 'cheerio';
import { isWholeBlog, sameName, type PostSelection } from '../selection/post-selection.js';

export interface SelectionList {
  /** `/category/%EA%B0%9C%EB%B0%9C`, `/tag/python`. */
  listPath: string;
  /** How the user reads it: `category 개발`, `tag python`. */
  label: string;
  /**
   * The query Tistory adds to the post links of a category's list (`/41?category=1028402`), which the
   * sidebar's links lack: on a page where post links carry it, only those are the list's.
   */
  markedBy?: string;
}

/**
 * The lists to read: a tag's alone when a tag is selected (the categories are then checked on each
 * post's page), else each category's. Empty for the whole blog.
 */
export function selectionLists(selection: PostSelection, knownCategories: readonly string[][]): SelectionList[] {
  if (isWholeBlog(selection)) return [];
  if (selection.tag !== null)
    return [{ listPath: `/tag/${encodeURIComponent(selection.tag)}`, label: `tag ${selection.tag}` }];
  return selection.categories.map((path) => {
    const spelled = spelledAsTheBlog(path, knownCategories);
    return {
      listPath: `/category/${spelled.map(encodeURIComponent).join('/')}`,
      label: `category ${spelled.join('/')}`,
      markedBy: 'category',
    };
  });
}

function spelledAsTheBlog(path: readonly string[], known: readonly string[][]): string[] {
  const match = known.find(
    (candidate) => candidate.length === path.length && candidate.every((name, index) => sameName(name, path[index]!)),
  );
  return match ? [...match] : [...path];
}

/**
 * The category paths a page links to (the sidebar's category tree, a post's category), on the blog's
 * own hosts; `/category` alone, every post, is none of them.
 */
export function categoriesLinkedFrom(html: string, pageUrl: string, blogHosts: readonly string[]): string[][] {
  const $ = load(html);
  const hosts = new Set(blogHosts.map((host) => host.toLowerCase()));
  const found = new Map<string, string[]>();
  $('a[href]').each((_index, element) => {
    let url: URL;
    try {
      url = new URL(($(element).attr('href') ?? '').trim(), pageUrl);
    } catch {
      return;
    }
    if (!hosts.has(url.host.toLowerCase())) return;
    const match = /^(?:\/m)?\/category\/(.+?)\/?$/.exec(url.pathname);
    if (!match) return;
    const path = match[1]!.split('/').map(decodeSegment);
    if (path.some((name) => name === null || name === '')) return;
    const names = path as string[];
    found.set(names.join('/'), names);
  });
  return [...found.values()];
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment).normalize('NFC').trim();
  } catch {
    return null;
  }
}
