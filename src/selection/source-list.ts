// What the path of a blog URL given as the source names, when it is not one post: the whole blog, a
// category's list (`/category/개발/Python`, percent-encoded or not), a tag's (`/tag/python`), or some
// other page of the blog. Pure.

import { UsageError } from '../errors.js';

export type SourceList =
  | { kind: 'blog' }
  | { kind: 'category'; path: string[] }
  | { kind: 'tag'; tag: string }
  /** A page that names no selection this tool makes (`/guestbook`, `/archive/202401`): the whole blog is exported. */
  | { kind: 'other' };

/** `/category` alone is every post, as is the front page; the mobile `/m/…` lists are the same lists. */
export function sourceListOf(pathname: string): SourceList {
  const segments = pathname.split('/').filter((segment) => segment !== '');
  if (segments[0] === 'm') segments.shift();
  if (segments.length === 0) return { kind: 'blog' };
  const [first, ...rest] = segments;
  if (first === 'category') {
    return rest.length === 0
      ? { kind: 'blog' }
      : { kind: 'category', path: rest.map((segment) => decodeName(segment, pathname)) };
  }
  if (first === 'tag' && rest.length === 1) return { kind: 'tag', tag: decodeName(rest[0]!, pathname) };
  return { kind: 'other' };
}

function decodeName(segment: string, pathname: string): string {
  let name: string;
  try {
    name = decodeURIComponent(segment);
  } catch {
    throw new UsageError(`cannot read the category or tag name in "${pathname}" (broken percent-encoding)`);
  }
  name = name.normalize('NFC').trim();
  if (name === '') throw new UsageError(`no category or tag name in "${pathname}"`);
  return name;
}
