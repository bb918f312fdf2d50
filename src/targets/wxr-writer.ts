// WordPress eXtended RSS 1.2, the file Tools › Import › WordPress reads, assembled as strings: every
// text goes through `xmlText` or `cdata`, so no title or body can break the document. Pure.

import { cdata, xmlText } from '../util/xml.js';

export interface WxrAuthor {
  id: number;
  login: string;
  displayName: string;
}

export interface WxrTerm {
  id: number;
  nicename: string;
  name: string;
  /** Nicename of the parent category; empty at the top, always empty for tags. */
  parent: string;
}

export interface WxrChannel {
  title: string;
  /** The blog's address: `link`, `wp:base_site_url` and `wp:base_blog_url`. */
  baseUrl: string;
  description: string;
  pubDate: string;
  authors: readonly WxrAuthor[];
  categories: readonly WxrTerm[];
  tags: readonly WxrTerm[];
}

/** Dates as WordPress stores them: local (the site's zone, KST here) and GMT, `YYYY-MM-DD HH:MM:SS`. */
export interface WxrDates {
  local: string;
  gmt: string;
  modifiedLocal: string;
  modifiedGmt: string;
  rfc822: string;
}

export interface WxrPost {
  id: number;
  title: string;
  link: string;
  creator: string;
  html: string;
  excerpt: string;
  slug: string;
  dates: WxrDates;
  /** `<category domain nicename>` of the post: its category and its tags. */
  terms: readonly { domain: 'category' | 'post_tag'; nicename: string; name: string }[];
  /** Attachment id of the cover, for the featured image (the importer remaps it). */
  thumbnailId: number | null;
  /** `page` for a static page (WordPress pages are undated, outside the blog's list); default `post`. */
  type?: 'post' | 'page';
  /** `<wp:comment>` elements (see `commentsWxr`); empty for none. */
  comments?: string;
}

interface WxrAttachment {
  id: number;
  parent: number;
  title: string;
  slug: string;
  url: string;
  creator: string;
  dates: WxrDates;
}

const NAMESPACES = [
  'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"',
  'xmlns:content="http://purl.org/rss/1.0/modules/content/"',
  'xmlns:wfw="http://wellformedweb.org/CommentAPI/"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:wp="http://wordpress.org/export/1.2/"',
].join('\n  ');

const tag = (name: string, value: string | number) => `<${name}>${value}</${name}>`;
const cdataTag = (name: string, value: string) => `<${name}>${cdata(value)}</${name}>`;

export function wxrHead(channel: WxrChannel): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8" ?>',
    '<!-- WordPress eXtended RSS, written by tistory-export: import it with Tools › Import › WordPress. -->',
    `<rss version="2.0"\n  ${NAMESPACES}>`,
    '<channel>',
    tag('title', xmlText(channel.title)),
    tag('link', xmlText(channel.baseUrl)),
    tag('description', xmlText(channel.description)),
    tag('pubDate', xmlText(channel.pubDate)),
    tag('language', 'ko-KR'),
    tag('wp:wxr_version', '1.2'),
    tag('wp:base_site_url', xmlText(channel.baseUrl)),
    tag('wp:base_blog_url', xmlText(channel.baseUrl)),
    ...channel.authors.map(authorXml),
    ...channel.categories.map(categoryXml),
    ...channel.tags.map(tagXml),
    tag('generator', 'tistory-export'),
  ];
  return `${lines.join('\n')}\n`;
}

export const WXR_TAIL = '</channel>\n</rss>\n';

function authorXml(author: WxrAuthor): string {
  return [
    '<wp:author>',
    tag('wp:author_id', author.id),
    cdataTag('wp:author_login', author.login),
    cdataTag('wp:author_email', ''),
    cdataTag('wp:author_display_name', author.displayName),
    cdataTag('wp:author_first_name', ''),
    cdataTag('wp:author_last_name', ''),
    '</wp:author>',
  ].join('');
}

function categoryXml(term: WxrTerm): string {
  return [
    '<wp:category>',
    tag('wp:term_id', term.id),
    cdataTag('wp:category_nicename', term.nicename),
    cdataTag('wp:category_parent', term.parent),
    cdataTag('wp:cat_name', term.name),
    '</wp:category>',
  ].join('');
}

function tagXml(term: WxrTerm): string {
  return [
    '<wp:tag>',
    tag('wp:term_id', term.id),
    cdataTag('wp:tag_slug', term.nicename),
    cdataTag('wp:tag_name', term.name),
    '</wp:tag>',
  ].join('');
}

function commonItemFields(fields: {
  id: number;
  title: string;
  link: string;
  creator: string;
  dates: WxrDates;
  content: string;
  excerpt: string;
  slug: string;
  status: string;
  parent: number;
  type: string;
}): string[] {
  return [
    cdataTag('title', fields.title),
    tag('link', xmlText(fields.link)),
    tag('pubDate', xmlText(fields.dates.rfc822)),
    cdataTag('dc:creator', fields.creator),
    `<guid isPermaLink="false">${xmlText(fields.link)}</guid>`,
    tag('description', ''),
    cdataTag('content:encoded', fields.content),
    cdataTag('excerpt:encoded', fields.excerpt),
    tag('wp:post_id', fields.id),
    cdataTag('wp:post_date', fields.dates.local),
    cdataTag('wp:post_date_gmt', fields.dates.gmt),
    cdataTag('wp:post_modified', fields.dates.modifiedLocal),
    cdataTag('wp:post_modified_gmt', fields.dates.modifiedGmt),
    cdataTag('wp:comment_status', 'open'),
    cdataTag('wp:ping_status', 'closed'),
    cdataTag('wp:post_name', fields.slug),
    cdataTag('wp:status', fields.status),
    tag('wp:post_parent', fields.parent),
    tag('wp:menu_order', 0),
    cdataTag('wp:post_type', fields.type),
    cdataTag('wp:post_password', ''),
    tag('wp:is_sticky', 0),
  ];
}

export function wxrPostItem(post: WxrPost): string {
  const lines = [
    '<item>',
    ...commonItemFields({ ...post, content: post.html, status: 'publish', parent: 0, type: post.type ?? 'post' }),
    ...post.terms.map(
      (term) => `<category domain="${term.domain}" nicename="${xmlText(term.nicename)}">${cdata(term.name)}</category>`,
    ),
    ...(post.thumbnailId === null
      ? []
      : [
          `<wp:postmeta>${cdataTag('wp:meta_key', '_thumbnail_id')}${cdataTag('wp:meta_value', String(post.thumbnailId))}</wp:postmeta>`,
        ]),
    ...(post.comments ? [post.comments] : []),
    '</item>',
  ];
  return `${lines.join('\n')}\n`;
}

export function wxrAttachmentItem(attachment: WxrAttachment): string {
  const lines = [
    '<item>',
    ...commonItemFields({
      ...attachment,
      link: attachment.url,
      content: '',
      excerpt: '',
      status: 'inherit',
      type: 'attachment',
    }),
    cdataTag('wp:attachment_url', attachment.url),
    '</item>',
  ];
  return `${lines.join('\n')}\n`;
}
