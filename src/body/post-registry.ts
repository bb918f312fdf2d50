import { decodeUriComponentSafely } from '../util/decode-uri.js';
import { normalizePostUrl } from '../discover/post-url.js';
import type { LinkedPost } from '../types.js';
import { compareIds } from '../names.js';
import { parsePostPath } from '../util/post-path.js';

interface RegisteredPost extends LinkedPost {
  oldUrls: string[];
}

/**
 * The posts exported so far, findable by any URL the blog gives them: `/123`, `/entry/<slug>`, `/m/…`,
 * on the blog's own address, its custom domain or `NAME.tistory.com`. Holds a few strings per post, so
 * a run of many thousand posts keeps it in memory while the bodies stream through.
 */
export class PostRegistry {
  private readonly origins = new Set<string>();
  private readonly byKey = new Map<string, RegisteredPost>();
  /** By `looseTitle`; null marks a title two posts share, which then resolves nothing. */
  private readonly byTitle = new Map<string, RegisteredPost | null>();
  private readonly posts: RegisteredPost[] = [];

  constructor(private readonly blogOrigin: string) {
    this.origins.add(blogOrigin);
  }

  /** Other names of the blog, as pages state them (`window.TistoryBlog`, `og:url`). */
  addOrigins(origins: readonly string[]): void {
    for (const origin of origins) this.origins.add(origin);
  }

  /** `/123`, `/entry/<slug>`, `/notice/123` or `/pages/<slug>` when `url` is a post of this blog, else null. */
  keyOf(url: string): string | null {
    return postKeyOf(url, this.blogNames());
  }

  /** What `postKeyOf` needs, as plain data: a worker thread resolves links with it as the registry would. */
  blogNames(): BlogNames {
    return { blogOrigin: this.blogOrigin, origins: [...this.origins] };
  }

  register(post: LinkedPost, urls: readonly string[]): RegisteredPost {
    const keys = this.keysFor(post.id, urls);
    const registered: RegisteredPost = { ...post, oldUrls: oldUrlsOf(post.url, keys) };
    for (const key of keys) if (!this.byKey.has(key)) this.byKey.set(key, registered);
    // Only posts have `/entry/` slugs to guess from a title.
    const title = [...keys].every((key) => parsePostPath(key)?.kind === 'post') ? looseTitle(post.title) : '';
    if (title) this.byTitle.set(title, this.byTitle.has(title) ? null : registered);
    this.posts.push(registered);
    return registered;
  }

  /** What `register` will record as the post's old URLs, before it is registered. */
  oldUrlsFor(id: string, canonicalUrl: string, urls: readonly string[]): string[] {
    return oldUrlsOf(canonicalUrl, this.keysFor(id, urls));
  }

  private keysFor(id: string, urls: readonly string[]): Set<string> {
    const urlKeys = urls.map((url) => this.keyOf(url)).filter((key): key is string => key !== null);
    // A post answers `/123` whatever URL it was found under; a notice or a page is only known to answer its own.
    const special = urlKeys.some((key) => parsePostPath(key)?.kind !== 'post');
    return new Set([...(/^\d+$/.test(id) && !special ? [`/${id}`] : []), ...urlKeys]);
  }

  /**
   * A blog shows either `/123` or `/entry/<slug>` URLs, but answers both, and authors paste either. A
   * post fetched as `/123` never shows its entry slug, which Tistory makes from the title; so an
   * `/entry/…` link that matches no URL is matched, letters and digits only, against the titles.
   */
  lookup(key: string): LinkedPost | null {
    const exact = this.byKey.get(key);
    if (exact) return exact;
    const slug = /^\/entry\/(.+)$/.exec(key)?.[1];
    return slug ? (this.byTitle.get(looseTitle(decodeUriComponentSafely(slug))) ?? null) : null;
  }

  /** Every registered post, in id order. */
  all(): RegisteredPost[] {
    return [...this.posts].sort((a, b) => compareIds(a.id, b.id));
  }
}

/** The blog's own origin and every other name it goes by (custom domain, `NAME.tistory.com`). */
export interface BlogNames {
  blogOrigin: string;
  origins: readonly string[];
}

/** The post key `url` links to (see `PostRegistry.keyOf`), or null when it is not a post of the blog. */
export function postKeyOf(url: string, names: BlogNames): string | null {
  const normalised = normalizePostUrl(url, names.blogOrigin, names.origins);
  return normalised === null ? null : normalised.slice(names.blogOrigin.length);
}

/** The desktop and mobile spellings of each key, on the post's canonical origin. */
function oldUrlsOf(canonicalUrl: string, keys: ReadonlySet<string>): string[] {
  let origin: string;
  try {
    origin = new URL(canonicalUrl).origin;
  } catch {
    return [];
  }
  return [...keys].flatMap((key) => [`${origin}${key}`, `${origin}/m${key}`]);
}

/** Letters and digits only, lower-cased: `Promise와-asyncawait` and `Promise와 async/await` agree. */
function looseTitle(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
