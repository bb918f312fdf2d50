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
import { WXR_TAIL, wxrAttachmentItem, wxrHead, wxrPostItem, type WxrChannel, type WxrDates, type WxrPost, type WxrTerm } from './wxr-writer.js';
import { compareIds } from '../state/manifest.js';
import { postKindOf } from '../util/post-path.js';

const FOLDER = 'wxr';
const FILE = `${FOLDER}/wordpress.xml`;
/** Post ids for posts without a numeric Tistory id, and attachment ids: far above any Tistory post id. */
const FIRST_SPARE_POST_ID = 800_000_000;
const FIRST_ATTACHMENT_ID = 900_000_000;
/** Attachments of posts whose id is too large (or not a number) for the id formula, in post-id order. */
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

/** What a post contributes to the whole file, kept in memory: its names, terms and files, not its body. */
interface PostSummary {
  author: string | null;
  categories: readonly string[];
  kind: ReturnType<typeof postKindOf>;
  tags: readonly string[];
  assetUrls: readonly string[];
  coverUrl: string | null;
}

/** A post's item as spooled: everything but what depends on the other posts (ids, slugs, logins). */
interface SpooledPost {
  post: Omit<WxrPost, 'id' | 'creator' | 'terms' | 'thumbnailId'>;
  assets: { url: string; title: string }[];
}

/** Everything that depends on the whole blog, settled once every post is in. */
interface Settled {
  postIds: Map<string, number>;
  logins: Map<string, string>;
  terms: Map<string, WxrPost['terms']>;
  /** Each attachment is listed once, under the lowest-numbered post that uses it. */
  attachments: Map<string, { id: number; index: number; owner: string }>;
}

/**
 * `<out>/wxr/wordpress.xml`: one WXR 1.2 file. Images and files are attachment items whose
 * `wp:attachment_url` is also what the body says: the importer downloads each one and replaces that URL
 * in every post. It is the original Tistory URL, or with `--files-url` the stored copy's address there.
 * Links between posts become `/<slug>/` (WordPress's "Post name" permalinks). Items are spooled to disk
 * and the file is assembled in post-id order when the run ends, after the authors, categories and tags
 * it must list first are all known.
 */
export function createWxrTarget({ outDir, comments: commentsMode, filesUrl = null, onWarning = () => {} }: TargetContext): Target {
  /**
   * Where the importer downloads a file from: the stored copy under `--files-url` (a backup's files have no
   * other address; Tistory's CDN may be gone by the time of the import), else the original URL.
   */
  const publishedUrl = (asset: PostAsset): string =>
    filesUrl !== null && asset.file !== null ? new URL(encodeURI(asset.file), filesUrl).href : asset.url;
  const spool = new PostSpool(resolveInside(outDir, `${FOLDER}/.spool-${process.pid}`));
  const site = new SiteInfo();
  /** By post id; replaced when a post is written again. */
  const summaries = new Map<string, PostSummary>();

  async function write(post: ConvertedPost): Promise<string[]> {
    site.observe(post.meta);
    summaries.set(post.id, {
      author: post.meta.author,
      categories: post.meta.categories,
      kind: postKindOf(post.meta),
      tags: post.meta.tags,
      assetUrls: post.assets.map(publishedUrl),
      coverUrl: post.cover ? publishedUrl(post.cover) : null,
    });
    const rendered = post.render({
      asset: (asset) => (filesUrl !== null && asset.file !== null ? publishedUrl(asset) : null),
      post: (linked) => slugPath(linked.slug),
    });
    const comments = commentsToWrite(post, commentsMode);
    const spooled: SpooledPost = {
      post: {
        title: post.meta.title,
        link: post.meta.url,
        html: withRawAssetUrls(rendered.html, post.assets),
        excerpt: post.meta.description ?? '',
        slug: post.slug,
        dates: wxrDates(post.meta.published, post.meta.updated),
        type: postKindOf(post.meta) === 'page' ? 'page' : 'post',
        comments: comments ? commentsWxr(comments, { secretLabel: SECRET_COMMENT }) : '',
      },
      assets: post.assets.map((asset) => ({ url: publishedUrl(asset), title: asset.name ?? attachmentTitle(asset.url) })),
    };
    await spool.put(post.id, JSON.stringify(spooled));
    return [FILE];
  }

  /**
   * Authors, terms, ids and attachment owners, worked out in post-id order once all posts are known, so
   * a nightly export gives the same file however the posts happened to finish.
   */
  function settle(): { settled: Settled; head: Omit<WxrChannel, 'title' | 'baseUrl' | 'description' | 'pubDate'> } {
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
      const filedUnder = [own, notice].filter((term, index, all): term is Omit<WxrTerm, 'id'> => term !== null && all.indexOf(term) === index);
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
          .map(([name, login], index) => ({ id: index + 1, login, displayName: name === NO_AUTHOR ? site.title : name })),
        // Sorted by path, so parents come first.
        categories: [...categoryTerms].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, term], index) => ({ ...term, id: index + 1 })),
        tags: [...tagNames]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([nicename, name], index) => ({ id: categoryTerms.size + index + 1, nicename, name, parent: '' })),
      },
    };
  }

  function renderItem(id: string, text: string, settled: Settled): string {
    const { post, assets } = JSON.parse(text) as SpooledPost;
    const summary = summaries.get(id)!;
    const numericId = settled.postIds.get(id)!;
    const creator = settled.logins.get(id)!;
    const item = wxrPostItem({
      ...post,
      id: numericId,
      creator,
      terms: settled.terms.get(id)!,
      thumbnailId: summary.coverUrl === null ? null : (settled.attachments.get(summary.coverUrl)?.id ?? null),
    });
    const attachmentItems = assets
      .filter((asset, index) => settled.attachments.get(asset.url)?.owner === id && settled.attachments.get(asset.url)?.index === index)
      .map((asset) => {
        const attachment = settled.attachments.get(asset.url)!;
        return wxrAttachmentItem({
          id: attachment.id,
          parent: numericId,
          title: asset.title,
          slug: `${post.slug}-${attachment.index + 1}`,
          url: asset.url,
          creator,
          dates: post.dates,
        });
      });
    return item + attachmentItems.join('');
  }

  return {
    format: 'wxr',
    writePost: write,
    rewritePost: write,
    async writeProtected() {
      return [];
    },
    async finish() {
      const { settled, head } = settle();
      const expiring = expiringSignedUrls(settled.attachments.keys());
      await spool.assemble(join(outDir, FILE), {
        head: wxrHead({
          title: site.title,
          baseUrl: site.origin,
          description: `${site.title} (Tistory)`,
          pubDate: new Date(site.lastChangedMs).toUTCString(),
          ...head,
        }),
        separator: '',
        tail: WXR_TAIL,
        render: (piece) => renderItem(piece.id, piece.text, settled),
      });
      if (expiring) onWarning(expiringUrlsWarning(expiring, Date.now()));
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

/** Attachments at signed CDN URLs (`?expires=<epoch seconds>`), and when the first of them stops working. */
function expiringSignedUrls(urls: Iterable<string>): { count: number; firstExpiryMs: number } | null {
  let count = 0;
  let firstExpiryMs = Number.POSITIVE_INFINITY;
  for (const url of urls) {
    let expires: number;
    try {
      expires = Number(new URL(url).searchParams.get('expires') ?? Number.NaN);
    } catch {
      continue;
    }
    if (!Number.isFinite(expires) || expires <= 0) continue;
    count++;
    firstExpiryMs = Math.min(firstExpiryMs, expires * 1000);
  }
  return count === 0 ? null : { count, firstExpiryMs };
}

/**
 * WordPress downloads each attachment when the file is imported, maybe weeks after the export: a signed
 * URL that has expired by then is an image lost. Says when, and the way around it.
 */
function expiringUrlsWarning({ count, firstExpiryMs }: { count: number; firstExpiryMs: number }, nowMs: number): string {
  const day = kstDateTime(new Date(firstExpiryMs).toISOString())!.slice(0, 10);
  const when = firstExpiryMs <= nowMs ? `have expired (the first on ${day}, KST): WordPress cannot download them` : `stop working from ${day} (KST): import before then`;
  const attachments = count === 1 ? '1 attachment points' : `${count} attachments point`;
  return `wxr: ${attachments} at signed Tistory URLs, which ${when}; or serve the output folder and run again with --files-url <its address>`;
}

/**
 * A `.invalid` host (RFC 2606) answers nobody: a file the backup lacks keeps such a placeholder address,
 * and an attachment there would only be an error in the importer's log.
 */
function neverReachable(url: string): boolean {
  try {
    return new URL(url).hostname.endsWith('.invalid');
  } catch {
    return true;
  }
}

function attachmentTitle(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || 'file';
  } catch {
    return 'file';
  }
}
