import type { Comment } from '../comments/types.js';
import { markdownDestination } from '../convert/url.js';
import type { ConvertedPost, LinkedPost, PostAsset, PostMeta, RenderedBody, UrlRewriter } from '../types.js';
import type { LinkRef } from './body-template.js';
import { fillTokens, type TokenKind } from './url-tokens.js';

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
  const markdown = autolinkWhereTextIsAddress(record.markdown, urlFor);
  return {
    markdown: fillTokens(markdown, (kind, index) => markdownDestination(urlFor(kind, index))),
    html: fillTokens(record.html, (kind, index) => escapeAttribute(urlFor(kind, index))),
    cover: cover || null,
  };
}

/** `[text](token)`, not an image's; the text has no brackets of its own but escaped ones. */
const LINK_TO_TOKEN = /(?<!!)\[((?:[^[\]\n\\]|\\.)+)\]\(tistory-export:(asset|link):(\d+)\)/g;
/** What CommonMark takes as an autolink. */
const AUTOLINKABLE = /^https?:\/\/[^\s<>]+$/;

/**
 * A link whose text is its address is written `<address>`, as `toMarkdown` writes it; the converter saw
 * a token there, not the address, so it wrote `[address](token)` (or `[token](token)`). Only where the token still fills in
 * that address: a link to an exported post or a downloaded file keeps its text and its new path.
 */
function autolinkWhereTextIsAddress(markdown: string, urlFor: (kind: TokenKind, index: number) => string): string {
  return markdown.replace(LINK_TO_TOKEN, (whole, text: string, kind: TokenKind, index: string) => {
    const url = urlFor(kind, Number(index));
    // A player with no poster is written as a link showing its own address: the token, twice.
    const shown = text === `tistory-export:${kind}:${index}` ? url : text.replace(/\\(.)/g, '$1');
    return AUTOLINKABLE.test(url) && shown === url ? `<${url}>` : whole;
  });
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
