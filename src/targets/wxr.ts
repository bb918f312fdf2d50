import { join } from 'node:path';
import type { ConvertedPost, PostAsset } from '../types.js';
import { resolveInside } from '../util/safe-path.js';
import { kstDateTime, rfc822, utcDateTime } from './dates.js';
import { SiteInfo } from './site-info.js';
import { slugPath } from './site-paths.js';
import { PostSpool } from './spool.js';
import { commentsWxr } from '../comments/render.js';
import { commentsToWrite } from './post-comments.js';
import type { Target, TargetContext } from './target.js';
import { UniqueSlugs } from './unique-slugs.js';
import { WXR_TAIL, wxrAttachmentItem, wxrHead, wxrPostItem, type WxrDates, type WxrPost, type WxrTerm } from './wxr-writer.js';
import { postKindOf } from '../util/post-path.js';

const FOLDER = 'wxr';
const FILE = `${FOLDER}/wordpress.xml`;
/** Post ids for posts without a numeric Tistory id, and attachment ids: far above any Tistory post id. */
const FIRST_SPARE_POST_ID = 800_000_000;
const FIRST_ATTACHMENT_ID = 900_000_000;
/** Attachments of posts whose id is too large (or not a number) for `attachmentIdOf`, in the order they come. */
const FIRST_SPARE_ATTACHMENT_ID = 1_950_000_000;
const FILES_PER_POST = 1000;
/** What a secret comment says in WordPress, where it waits for moderation without its text. */
const SECRET_COMMENT = '비밀 댓글입니다.';
/** The author of posts whose page names none. */
const NO_AUTHOR = '\u0000';
/**
 * WordPress has no notices: they become posts filed under this category (the title of Tistory's own
 * notice list), so a theme can list or hide them, and the category can be removed in one step.
 */
const NOTICE_CATEGORY = { name: '공지사항', nicename: 'notice' } as const;

/**
 * `<out>/wxr/wordpress.xml`: one WXR 1.2 file. Images and files are attachment items whose
 * `wp:attachment_url` is the original Tistory URL, which is also what the body says: the importer
 * downloads each one and replaces that URL in every post. Links between posts become `/<slug>/`
 * (WordPress's "Post name" permalinks). Items are spooled to disk and the file is assembled in post-id
 * order when the run ends, after the authors, categories and tags it must list first are all known.
 */
export function createWxrTarget({ outDir, comments: commentsMode }: TargetContext): Target {
  const spool = new PostSpool(resolveInside(outDir, `${FOLDER}/.spool-${process.pid}`));
  const site = new SiteInfo();
  const authors = new UniqueSlugs('author');
  authors.slugFor(NO_AUTHOR, 'tistory');
  const categories = new UniqueSlugs('category');
  /** By category path (names joined by NUL, so a parent's key sorts before its children's). */
  const categoryTerms = new Map<string, Omit<WxrTerm, 'id'>>();
  const usedLogins = new Set<string>();
  const tags = new UniqueSlugs('tag');
  const tagNames = new Map<string, string>();
  const spareIds = new Map<string, number>();
  /** Each attachment is listed once, under the first post that uses it. */
  const attachments = new Map<string, { id: number; index: number; owner: string }>();

  let spareAttachments = 0;
  /**
   * From the owning post's id and the file's place in it, so a nightly export gives the same ids however
   * the posts happened to finish (WordPress ids are 32-bit: post ids up to a million fit).
   */
  const attachmentIdOf = (postId: number, index: number): number =>
    postId < 1_000_000 && index < FILES_PER_POST ? FIRST_ATTACHMENT_ID + postId * FILES_PER_POST + index : FIRST_SPARE_ATTACHMENT_ID + spareAttachments++;

  const postIdOf = (id: string): number => {
    if (/^\d{1,9}$/.test(id)) return Number(id);
    let spare = spareIds.get(id);
    if (spare === undefined) spareIds.set(id, (spare = FIRST_SPARE_POST_ID + spareIds.size));
    return spare;
  };

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
      term = categoryTerms.get(key) ?? { nicename: categories.slugFor(key, path.slice(0, depth + 1).join('-')), name, parent };
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

  /** A page has no category or tags in WordPress; a notice is in the notice category besides its own. */
  const termsOf = (post: ConvertedPost): WxrPost['terms'] => {
    const kind = postKindOf(post.meta);
    if (kind === 'page') return [];
    const own = categoryOf(post.meta.categories);
    const notice = kind === 'notice' ? noticeCategory() : null;
    const filedUnder = [own, notice].filter((term, index, all): term is Omit<WxrTerm, 'id'> => term !== null && all.indexOf(term) === index);
    return [
      ...filedUnder.map((term) => ({ domain: 'category' as const, nicename: term.nicename, name: term.name })),
      ...post.meta.tags.map((name) => ({ domain: 'post_tag' as const, nicename: tagSlugOf(name), name })),
    ];
  };

  const tagSlugOf = (name: string): string => {
    const slug = tags.slugFor(name.toLowerCase(), name);
    if (!tagNames.has(slug)) tagNames.set(slug, name);
    return slug;
  };

  async function write(post: ConvertedPost): Promise<string[]> {
    site.observe(post.meta);
    const id = postIdOf(post.id);
    const creator = loginOf(post.meta.author);
    usedLogins.add(creator);
    const dates = wxrDates(post.meta.published, post.meta.updated);
    const ownAttachments: string[] = [];
    post.assets.forEach((asset, index) => {
      const known = attachments.get(asset.url);
      if (known === undefined) attachments.set(asset.url, { id: attachmentIdOf(id, index), index, owner: post.id });
      if ((known?.owner ?? post.id) === post.id) ownAttachments.push(asset.url);
    });
    const rendered = post.render({ asset: () => null, post: (linked) => slugPath(linked.slug) });
    const comments = commentsToWrite(post, commentsMode);
    const item = wxrPostItem({
      id,
      title: post.meta.title,
      link: post.meta.url,
      creator,
      html: withRawAssetUrls(rendered.html, post.assets),
      excerpt: post.meta.description ?? '',
      slug: post.slug,
      dates,
      terms: termsOf(post),
      type: postKindOf(post.meta) === 'page' ? 'page' : 'post',
      thumbnailId: post.cover ? (attachments.get(post.cover.url)?.id ?? null) : null,
      comments: comments ? commentsWxr(comments, { secretLabel: SECRET_COMMENT }) : '',
    });
    const attachmentItems = post.assets
      .filter((asset) => ownAttachments.includes(asset.url))
      .map((asset) =>
        wxrAttachmentItem({
          id: attachments.get(asset.url)!.id,
          parent: id,
          title: asset.name ?? attachmentTitle(asset.url),
          slug: `${post.slug}-${attachments.get(asset.url)!.index + 1}`,
          url: asset.url,
          creator,
          dates,
        }),
      );
    await spool.put(post.id, item + attachmentItems.join(''));
    return [FILE];
  }

  return {
    format: 'wxr',
    writePost: write,
    rewritePost: write,
    async writeProtected() {
      return [];
    },
    async finish() {
      const head = wxrHead({
        title: site.title,
        baseUrl: site.origin,
        description: `${site.title} (Tistory)`,
        pubDate: new Date(site.lastChangedMs).toUTCString(),
        authors: authors
          .entries()
          .filter(([, login]) => usedLogins.has(login))
          .map(([name, login], index) => ({ id: index + 1, login, displayName: name === NO_AUTHOR ? site.title : name })),
        // Sorted, so the file does not depend on the order posts finished in; parents come first.
        categories: [...categoryTerms].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, term], index) => ({ ...term, id: index + 1 })),
        tags: [...tagNames]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([nicename, name], index) => ({ id: categoryTerms.size + index + 1, nicename, name, parent: '' })),
      });
      await spool.assemble(join(outDir, FILE), { head, separator: '', tail: WXR_TAIL });
      return [FILE];
    },
    async abort() {
      await spool.remove();
    },
  };
}

function wxrDates(published: string | null, updated: string | null): WxrDates {
  const modified = updated ?? published;
  return {
    local: kstDateTime(published) ?? '',
    gmt: utcDateTime(published) ?? '',
    modifiedLocal: kstDateTime(modified) ?? '',
    modifiedGmt: utcDateTime(modified) ?? '',
    rfc822: rfc822(published) ?? '',
  };
}

/**
 * The importer replaces each attachment URL in the content by plain string search, but an attribute
 * holds `&` as `&amp;`: signed CDN URLs (`?credential=…&expires=…`) would never match. HTML parsers
 * read a bare `&` before `name=` as text, so the URL is written as the importer will search for it.
 */
function withRawAssetUrls(html: string, assets: readonly PostAsset[]): string {
  let out = html;
  for (const asset of assets) {
    if (asset.url.includes('&')) out = out.replaceAll(`"${asset.url.replace(/&/g, '&amp;')}"`, `"${asset.url}"`);
  }
  return out;
}

function attachmentTitle(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || 'file';
  } catch {
    return 'file';
  }
}
