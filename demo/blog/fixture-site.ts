// One running fixture blog: its content, the origin it answers on and how it spells post URLs.

import { load } from 'cheerio';
import type { FixtureBlogData, FixturePost, PostUrlStyle } from './fixture-data.js';
import { postPath } from './fixture-paths.js';

export interface FixtureSite {
  /** `http://127.0.0.1:PORT`, standing in for the blog's (custom) domain. */
  origin: string;
  blog: FixtureBlogData;
  style: PostUrlStyle;
  /** The request carries the owner's login session: protected posts show their body. */
  owner?: boolean;
}

export const PROTECTED_NOTICE = '보호되어 있는 글입니다.';
const SUMMARY_LENGTH = 150;

export function postUrl(site: FixtureSite, post: FixturePost): string {
  return `${site.origin}${postPath(post, site.style)}`;
}

/** `개발/Python`, the form `T.entryInfo.categoryLabel` and the RSS use. */
export function categoryLabel(post: FixturePost): string {
  return post.categories.join('/');
}

const summaries = new WeakMap<FixturePost, string>();

/** What Tistory puts in meta description and list summaries: the first ~150 characters of body text. */
export function postSummary(post: FixturePost): string {
  if (post.state === 'protected') return PROTECTED_NOTICE;
  let summary = summaries.get(post);
  if (summary === undefined) {
    const $ = load(post.body, null, false);
    $('script, style').remove();
    const text = $.root().text().replace(/\s+/g, ' ').trim();
    summary = text.slice(0, SUMMARY_LENGTH);
    summaries.set(post, summary);
  }
  return summary;
}
