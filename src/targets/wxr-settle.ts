// The parts of a WXR file that depend on the whole blog: post and attachment ids, which post lists a
// shared file, author logins, category and tag slugs. Worked out in post-id order once every post is in,
// so the file does not depend on the order posts finished in. Pure.

import { compareIds } from '../names.js';
import type { postKindOf } from '../util/post-path.js';
import { UniqueSlugs } from './unique-slugs.js';
import type { WxrChannel, WxrPost, WxrTerm } from './wxr-writer.js';
import { neverReachable } from './wxr-urls.js';

/** Post ids for posts without a numeric Tistory id, and attachment ids: far above any Tistory post id. */
const FIRST_SPARE_POST_ID = 800_000_000;
const FIRST_ATTACHMENT_ID = 900_000_000;
/** Attachments of posts whose id is too large (or not a number) for the id formula, in post-id order. */
const FIRST_SPARE_ATTACHMENT_ID = 1_950_000_000;
const FILES_PER_POST = 1000;
/** The author of posts whose page names none. */
const NO_AUTHOR = '\u0000';
/**
 * WordPress has no notices: they become posts filed under this category (the title of Tistory's own
 * notice list), so a theme can list or hide them, and the category can be removed in one step.
 */
const NOTICE_CATEGORY = { name: '공지사항', nicename: 'notice' } as const;

/** What a post contributes to the whole file, kept in memory: its names, terms and files, not its body. */
export interface PostSummary {
  author: string | null;
  categories: readonly string[];
  kind: ReturnType<typeof postKindOf>;
  tags: readonly string[];
  /** The addresses its attachments are published at, in the post's order. */
  assetUrls: readonly string[];
  coverUrl: string | null;
}

/** Everything that depends on the whole blog, by post id (attachments by URL). */
export interface Settled {
  postIds: Map<string, number>;
  logins: Map<string, string>;
  terms: Map<string, WxrPost['terms']>;
  /** Each attachment is listed once, under the lowest-numbered post that uses it. */
  attachments: Map<string, { id: number; index: number; owner: string }>;
}

/**
 * Authors, terms, ids and attachment owners, worked out in post-id order once all posts are known, so
 * a nightly export gives the same file however the posts happened to finish.
 */
export function settleWxr(
  summaries: ReadonlyMap<string, PostSummary>,
  siteTitle: string,
): { settled: Settled; head: Pick<WxrChannel, 'authors' | 'categories' | 'tags'> } {
  const ids = [...summaries.keys()].sort(compareIds);
  const authors = new UniqueSlugs('author');
  authors.slugFor(NO_AUTHOR, 'tistory');
  const categories = new UniqueSlugs('category');
  /** By category path (names joined by NUL, so a parent's key sorts before its children's). */
  const categoryTerms = new Map<string, Omit<WxrTerm, 'id'>>();
  const tags = new UniqueSlugs('tag');
  const tagNames = new Map<string, string>();
  const settled: Settled = { postIds: new Map(), logins: new Map(), terms: new Map(), attachments: new Map() };
  let spareIds = 0;
  let spareAttachments = 0;

  const loginOf = (author: string | null): string => {
    const name = author?.trim() || NO_AUTHOR;
    // WordPress keeps only ASCII in a login (sanitize_user), so a Hangul name becomes author, author-2…
    return authors.slugFor(name, /^[\x20-\x7e]+$/.test(name) ? name : 'author');
  };

  /** The leaf category of the path, with its ancestors registered as parents. */
  const categoryOf = (path: readonly string[]): Omit<WxrTerm, 'id'> | null => {
    let parent = '';
    let term: Omit<WxrTerm, 'id'> | null = null;
    path.forEach((name, depth) => {
      const key = path.slice(0, depth + 1).join('\u0000');
      term = categoryTerms.get(key) ?? {
        nicename: categories.slugFor(key, path.slice(0, depth + 1).join('-')),
        name,
        parent,
      };
      categoryTerms.set(key, term);
      parent = term.nicename;
    });
    return term;
  };

  /** Keyed like a top-level category of the same name, which a blog with its own `공지사항` category shares. */
  const noticeCategory = (): Omit<WxrTerm, 'id'> => {
    const { name, nicename } = NOTICE_CATEGORY;
    const term = categoryTerms.get(name) ?? { nicename: categories.slugFor(name, nicename), name, parent: '' };
    categoryTerms.set(name, term);
    return term;
  };

  const tagSlugOf = (name: string): string => {
    const slug = tags.slugFor(name.toLowerCase(), name);
    if (!tagNames.has(slug)) tagNames.set(slug, name);
    return slug;
  };

  /** A page has no category or tags in WordPress; a notice is in the notice category besides its own. */
  const termsOf = (summary: PostSummary): WxrPost['terms'] => {
    if (summary.kind === 'page') return [];
    const own = categoryOf(summary.categories);
    const notice = summary.kind === 'notice' ? noticeCategory() : null;
    const filedUnder = [own, notice].filter(
      (term, index, all): term is Omit<WxrTerm, 'id'> => term !== null && all.indexOf(term) === index,
    );
    return [
      ...filedUnder.map((term) => ({ domain: 'category' as const, nicename: term.nicename, name: term.name })),
      ...summary.tags.map((name) => ({ domain: 'post_tag' as const, nicename: tagSlugOf(name), name })),
    ];
  };

  for (const id of ids) {
    const summary = summaries.get(id)!;
    const numericId = /^\d{1,9}$/.test(id) ? Number(id) : FIRST_SPARE_POST_ID + spareIds++;
    settled.postIds.set(id, numericId);
    settled.logins.set(id, loginOf(summary.author));
    settled.terms.set(id, termsOf(summary));
    summary.assetUrls.forEach((url, index) => {
      if (settled.attachments.has(url) || neverReachable(url)) return;
      // WordPress ids are 32-bit: from the post's id and the file's place in it while they fit.
      const attachmentId =
        numericId < 1_000_000 && index < FILES_PER_POST
          ? FIRST_ATTACHMENT_ID + numericId * FILES_PER_POST + index
          : FIRST_SPARE_ATTACHMENT_ID + spareAttachments++;
      settled.attachments.set(url, { id: attachmentId, index, owner: id });
    });
  }
  const usedLogins = new Set(settled.logins.values());
  return {
    settled,
    head: {
      authors: authors
        .entries()
        .filter(([, login]) => usedLogins.has(login))
        .map(([name, login], index) => ({ id: index + 1, login, displayName: name === NO_AUTHOR ? siteTitle : name })),
      // Sorted by path, so parents come first.
      categories: [...categoryTerms]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([, term], index) => ({ ...term, id: index + 1 })),
      tags: [...tagNames]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([nicename, name], index) => ({ id: categoryTerms.size + index + 1, nicename, name, parent: '' })),
    },
  };
}
