import type { PostMeta } from '../types.js';

/**
 * What a site's config needs to know about the blog (its name, its address), learnt from the posts as
 * they stream past, since targets never see the blog as a whole.
 */
export class SiteInfo {
  private name: string | null = null;
  private originUrl: string | null = null;
  private latestMs: number | null = null;

  observe(meta: PostMeta): void {
    for (const time of [meta.published, meta.updated]) {
      const ms = time ? Date.parse(time) : Number.NaN;
      if (!Number.isNaN(ms) && (this.latestMs === null || ms > this.latestMs)) this.latestMs = ms;
    }
    this.name ??= meta.blogName?.trim() || null;
    if (this.originUrl === null) {
      try {
        this.originUrl = new URL(meta.url).origin;
      } catch {
        // A post without a parseable URL says nothing about the blog's address.
      }
    }
  }

  /** The blog's name, or its host name when no page stated one. */
  get title(): string {
    return this.name ?? (this.originUrl ? new URL(this.originUrl).host : 'Tistory blog');
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
    return this.originUrl ?? '';
  }
}
