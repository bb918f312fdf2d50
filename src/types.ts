// Shared contracts between the pipeline stages: discover → fetch → extract → convert → targets.

import type { Comment } from './comments/types.js';

/** What happened to one post. */
export type PostStatus = 'ok' | 'protected' | 'missing' | 'failed';

/**
 * What a Tistory entry is: an ordinary post (`/123`, `/entry/<slug>`), a notice (공지사항, `/notice/123`)
 * or a static page (`/pages/<slug>`). All three share one id space and the same skin markup.
 */
export type PostKind = 'post' | 'notice' | 'page';

/** Facts about a post, read from the page head first, the skin markup second. */
export interface PostMeta {
  /** Tistory post id (from `article:txid`, `T.entryInfo.entryId` or a `/123` URL), null when none of them exist. */
  id: string | null;
  /** Canonical URL of the post (og:url / canonical, else the fetched URL). */
  url: string;
  title: string;
  /** ISO 8601 with the page's offset, e.g. `2022-12-20T12:04:47+09:00`. */
  published: string | null;
  updated: string | null;
  /** Category path, e.g. `['개발', 'Python']`; empty when the post has none. */
  categories: string[];
  tags: string[];
  author: string | null;
  description: string | null;
  /** Original (unwrapped) cover image URL; null when the page only has Tistory's generic og image. */
  cover: string | null;
  /** Blog name when the page states it (og:site_name). */
  blogName: string | null;
  /** Set for notices and static pages only, so what is saved of an ordinary post stays as it was. */
  kind?: PostKind;
}

/**
 * How a post's body was found on its page: `skin` by Tistory's own body mark (`.contents_style`, or
 * `.tt_article_useless_p_margin` on old hand-made skins), `container` by a known skin's or a generic
 * container, `scored` by guessing the block with the most paragraph text: the one to review.
 */
export type BodyFoundBy = 'skin' | 'container' | 'scored';

/**
 * Result of `extractPost`: a pure function of (html, url). `Body` is what an `ok` page carries of its body:
 * the HTML for the library; the export, which converts the body where the page was read, carries the result.
 */
export type Extraction<Body = { bodyHtml: string }> =
  | ({ status: 'ok'; meta: PostMeta; skin: string; bodyFoundBy: BodyFoundBy } & Body)
  | { status: 'protected'; meta: PostMeta }
  | { status: 'missing' }
  | { status: 'failed'; error: string; meta?: PostMeta };

/** A post URL found by discovery, before it is fetched. */
export interface DiscoveredPost {
  /** Absolute, normalised post URL on the blog host (no query, no fragment, `/m/` removed). */
  url: string;
  /** Post id when the URL or the source says it (`/123`, rss guid, …). */
  id: string | null;
  /** `lastmod` / `pubDate` as ISO 8601 when the source gives one. */
  lastmod: string | null;
  /** Where it was seen. */
  sources: DiscoverySource[];
}

export type DiscoverySource = 'sitemap' | 'rss' | 'list' | 'argument' | 'backup';

/** A fetched HTTP response; bodies are small enough (pages, feeds) to hold whole. */
export interface FetchResponse {
  /** Final URL after redirects. */
  url: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** Body decoded as UTF-8 (or the charset the response declares). */
  text(): string;
}

export interface FetchOptions {
  /** Value of the Accept header. */
  accept?: string;
  signal?: AbortSignal;
}

/**
 * Everything the pipeline needs from the network. Resolves with the final response for every HTTP
 * status (after retrying 429/5xx); rejects with `FetchError` for network errors and timeouts after
 * the retries, and for URLs that robots.txt disallows.
 */
export interface Fetcher {
  get(url: string, options?: FetchOptions): Promise<FetchResponse>;
}

type FetchErrorCode = 'network' | 'timeout' | 'robots' | 'aborted';

export class FetchError extends Error {
  constructor(
    message: string,
    readonly code: FetchErrorCode,
    readonly url: string,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

export type AssetKind = 'image' | 'attachment';

/** An image or attached file of a post, after the download (or the decision not to download). */
export interface PostAsset {
  /** The original's URL as the post uses it (proxy unwrapped; a signed URL keeps its query). */
  url: string;
  kind: AssetKind;
  /**
   * The stored file, relative to the output folder (`assets/<name>`), shared by every post and format
   * that uses the same bytes under the same name; null when the file stayed remote (`--images remote`, or the download failed).
   */
  file: string | null;
  /** File name of `file` (`<stem>-<hash>.<ext>`, Hangul kept); null when remote. */
  name: string | null;
  sha256: string | null;
  bytes: number | null;
  /** Why the file stayed remote after trying to download it. */
  error?: string;
}

/** Another exported post that a post links to. */
export interface LinkedPost {
  id: string;
  slug: string;
  url: string;
  title: string;
  published: string | null;
  categories: string[];
}

/**
 * How one target writes the URLs of one post: return the path to use (relative to the file being
 * written), or null to keep the original absolute URL.
 */
export interface UrlRewriter {
  asset(asset: PostAsset): string | null;
  /** A link to another exported post; the link's `#fragment` is appended to what this returns. */
  post(linked: LinkedPost): string | null;
}

export interface RenderedBody {
  markdown: string;
  /** The clean body HTML. */
  html: string;
  /** The cover image as rewritten (or its remote URL); null when the post has none. */
  cover: string | null;
}

/** One post as the targets receive it (see `src/targets/target.ts`). */
export interface ConvertedPost {
  meta: PostMeta;
  /** Tistory post id as a string, never empty (falls back to a URL-derived key). */
  id: string;
  /** Unique, file-name-safe slug (Hangul kept). */
  slug: string;
  /** Images and attachments of the body and the cover, each once. */
  assets: PostAsset[];
  /** The cover among `assets`; null when the post has none. */
  cover: PostAsset | null;
  /** Every URL the post had on Tistory (`/123`, `/entry/…`, their `/m/` twins): for redirects and aliases. */
  oldUrls: string[];
  /**
   * True when the body links to posts of the blog that are not exported yet: those links keep their
   * old URL for now, and the target's `rewritePost` is called at the end of the run.
   */
  pendingLinks: boolean;
  /**
   * The post's comments (replies under their comment), when this run or an earlier one fetched them
   * (`--comments`); null when they were not fetched, which is not the same as none (`[]`).
   */
  comments: Comment[] | null;
  /** Markdown and HTML with the target's URLs; cheap (a string substitution), call it per target. */
  render(rewriter: UrlRewriter): RenderedBody;
}

/** One row of the manifest. */
export interface ManifestEntry {
  id: string;
  url: string;
  title: string;
  status: PostStatus;
  /** How the body was found on the page, for `ok` posts; `scored` ones are guesses worth a look. */
  bodyFoundBy?: BodyFoundBy;
  /** Paths relative to the output folder. */
  files: string[];
  /** Images and attachments: where each went, or why it stayed remote. Absent when the post has none. */
  assets?: ManifestAsset[];
  /** Problems that did not fail the post (an image that kept its remote URL). */
  warnings?: string[];
  error?: string;
}

export interface ManifestAsset {
  url: string;
  kind: AssetKind;
  /** Relative to the output folder; absent when the file stayed remote. */
  file?: string;
  sha256?: string;
  error?: string;
}

export interface Manifest {
  source: string;
  generatedAt: string;
  tool: { name: string; version: string };
  /** Problems of the source as a whole, not of one post (a backup's refused or doubled entries). Absent when none. */
  warnings?: string[];
  posts: ManifestEntry[];
}

/** `changes.json`'s rows: one post and what this run did to it. */
export interface ChangedPost {
  id: string;
  url: string;
  title: string;
  status: PostStatus;
  /** Why it failed, or why the previous export was kept. */
  error?: string;
}

/**
 * What a run did to the folder, relative to the export that was there when it started (a run resumed
 * after a crash reports what the whole run did, not only its last part).
 */
export interface ChangeReport {
  full: boolean;
  since: string | null;
  /** `--until`; absent when not given. */
  until?: string;
  /** Exported for the first time (or for the first time successfully). */
  added: ChangedPost[];
  /** Exported before, fetched again, and its export changed (with `--full`: every post fetched again). */
  updated: ChangedPost[];
  /** Fetched and failed; a post exported before keeps that export. */
  failed: ChangedPost[];
  /**
   * Exported before and fetched again, but the blog showed less: now protected for this visitor (no
   * `--cookie`, or an expired one), a page without the article (maintenance, a placeholder),
   * an empty body. The export is kept as it was (`--accept-losses` writes the poorer view instead).
   */
  kept: ChangedPost[];
  /**
   * Fetched, but the blog shows nothing to export: not found (404, or Tistory's "no such post" page), though
   * a list or the sitemap still names it. Nothing was added; a post exported before is under
   * `failed` or `kept` instead, its export kept.
   */
  unavailable: ChangedPost[];
  /**
   * Kept as the folder had it, without a request for its page; or fetched again (named on the command
   * line, dated newer by the sitemap) and written byte for byte the same.
   */
  unchanged: ChangedPost[];
  /** Of the unchanged posts, those whose comments changed (new, edited or removed ones; `--comments`). */
  newComments: ChangedPost[];
  /** Found but left out by `--since` or `--until`. */
  skipped: { id: string | null; url: string }[];
}

/** What `exportBlog` reports while it runs (`onEvent`). */
export type ExportEvent =
  | { type: 'discovering'; source: string }
  /**
   * While a blog's posts are discovered, after every page read (front page, sitemap, feed, list pages):
   * the pages read and the distinct posts seen so far. None for a backup or a single post.
   */
  | { type: 'discovery-progress'; pagesRead: number; postsFound: number }
  /**
   * `total`: the posts this run fetches (or, on a dry run, would), `again` of them held by the folder from
   * an earlier run. The rest of the `found`: `alreadyExported` (held, not fetched), left out by `--since`
   * or `--limit`. A count left out is 0 (`found`: `total`).
   */
  | {
      type: 'discovered';
      total: number;
      found?: number;
      alreadyExported?: number;
      again?: number;
      datesLeftOut?: number;
      dateFlags?: string;
      limitLeftOut?: number;
    }
  /** `kept`: the blog showed less than the folder holds, and the earlier export stayed (`entry` is that export's row). */
  | { type: 'post'; entry: ManifestEntry; done: number; total: number; kept?: true }
  | { type: 'duplicate'; id: string; url: string; done: number; total: number }
  /**
   * A category or tag chosen: what (`category 개발 (and its subcategories)`), and how many posts its lists
   * show (null when the source has no lists: a backup, whose posts are sorted as they are read).
   */
  | { type: 'selection'; description: string; listed: number | null }
  /** Fetched, but its page puts it outside the selection (a list's sidebar linked it): not written. */
  | { type: 'outside'; id: string; url: string; title: string; done: number; total: number }
  | { type: 'retry'; url: string; attempt: number; delayMs: number; reason: string }
  | { type: 'warning'; message: string };

export interface ExportResult {
  outDir: string;
  /** Null on a dry run, which writes nothing. */
  manifestPath: string | null;
  manifest: Manifest;
  counts: Record<PostStatus, number>;
  /** The posts this run fetched (on a dry run: would fetch); posts the folder already holds are not among them. */
  discovered: DiscoveredPost[];
  /** What the run added, updated and left unchanged (also in `<out>/changes.json`); null on a dry run. */
  changes: ChangeReport | null;
  /** The post the source named, normalised; null when the source is a blog or a backup. */
  postUrl: string | null;
  elapsedMs: number;
  /** A dry run with `-f wordpress`: each post to be created on the site, or updated there if it changed. */
  wordpressPlan?: { action: 'create' | 'update'; id: string; url: string }[];
}
