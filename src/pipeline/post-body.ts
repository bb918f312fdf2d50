import type { Comment } from '../comments/types.js';
import { markdownDestination } from '../convert/url.js';
import type { ConvertedPost, LinkedPost, PostAsset, PostMeta, RenderedBody, UrlRewriter } from '../types.js';
import type { LinkRef } from './body-template.js';
import { fillTokens } from './url-tokens.js';

/**
 * Everything needed to render a post for any target, as plain data: it is what the run spools to disk
 * for a post whose links must be fixed up at the end.
 */
export interface PostRecord {
  meta: PostMeta;
  id: string;
  slug: string;
  oldUrls: string[];
  /** Converted Markdown and clean HTML, with tokens for asset and post-link URLs. */
  markdown: string;
  html: string;
  assets: PostAsset[];
  links: LinkRef[];
  /** Index of the cover in `assets`. */
  cover: number | null;
  /** The post's comments, from the last time they were fetched; absent when they never were. */
  comments?: Comment[];
}

/** The exported post a link key names; null when it is not exported (yet). */
export type LinkLookup = (key: string) => LinkedPost | null;

/** The target-facing post: `render` fills the tokens with the target's paths, or the original URLs. */
export function convertedPost(record: PostRecord, lookup: LinkLookup): ConvertedPost {
  return {
    meta: record.meta,
    id: record.id,
    slug: record.slug,
    assets: record.assets,
    cover: record.cover === null ? null : (record.assets[record.cover] ?? null),
    oldUrls: record.oldUrls,
    pendingLinks: record.links.some((link) => lookup(link.key) === null),
    comments: record.comments ?? null,
    render: (rewriter) => renderRecord(record, rewriter, lookup),
  };
}

function renderRecord(record: PostRecord, rewriter: UrlRewriter, lookup: LinkLookup): RenderedBody {
  const urlFor = (kind: 'asset' | 'link', index: number): string => {
    if (kind === 'asset') {
      const asset = record.assets[index];
      return asset ? (rewriter.asset(asset) ?? asset.url) : '';
    }
    const link = record.links[index];
    if (!link) return '';
    const linked = lookup(link.key);
    const path = linked ? rewriter.post(linked) : null;
    return path === null ? link.url : `${path}${link.fragment}`;
  };
  const cover = record.cover === null ? null : urlFor('asset', record.cover);
  return {
    markdown: fillTokens(record.markdown, (kind, index) => markdownDestination(urlFor(kind, index))),
    html: fillTokens(record.html, (kind, index) => escapeAttribute(urlFor(kind, index))),
    cover: cover || null,
  };
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
