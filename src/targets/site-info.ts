import { compareIds } from '../names.js';
import type { PostMeta } from '../types.js';

/**
 * What a site's config needs to know about the blog (its name, its address), learnt from the posts as
 * they stream past, since targets never see the blog as a whole.
 */
export class SiteInfo {
  private name: { value: string; from: string } | null = null;
  private originUrl: { value: string; from: string } | null = null;
  private latestMs: number | null = null;

  observe(meta: PostMeta): void {
    for (const time of [meta.published, meta.updated]) {
      const ms = time ? Date.parse(time) : Number.NaN;
      if (!Number.isNaN(ms) && (this.latestMs === null || ms > this.latestMs)) this.latestMs = ms;
    }
    // From the lowest-numbered post that says it, not the first to finish: the same on every run.
    const from = meta.id ?? `~${meta.url}`;
    const earlier = (known: { from: string } | null) => known === null || compareIds(from, known.from) < 0;
    const name = meta.blogName?.trim();
    if (name && earlier(this.name)) this.name = { value: name, from };
    const origin = originOf(meta.url);
    if (origin && earlier(this.originUrl)) this.originUrl = { value: origin, from };
  }

  /** The blog's name, or its host name when no page stated one. */
  get title(): string {
    const origin = this.originUrl ? new URL(this.originUrl.value) : null;
    // A backup read without --blog-url has only a placeholder `.invalid` address, no name worth showing.
    return this.name?.value ?? (origin && !origin.hostname.endsWith('.invalid') ? origin.host : 'Tistory blog');
  }

  /**
   * When the blog last changed, as far as its posts say (else now): a whole-blog file stamped with it is
   * the same file on every run until a post changes, so a nightly backup kept in git shows no churn.
   */
  get lastChangedMs(): number {
    return this.latestMs ?? Date.now();
  }

  /** `https://name.tistory.com`, or empty when no post was seen. */
  get origin(): string {
    return this.originUrl?.value ?? '';
  }
}

/** A post without a parseable URL says nothing about the blog's address. */
function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
