// The links of a list page, read from its markup.

import { load } from 'cheerio';
import { decodeUriComponentSafely } from '../util/decode-uri.js';

interface PageLinks {
  /** Every `a[href]` (and `link[rel=next]`), absolute. */
  hrefs: string[];
}

export function readPageLinks(html: string, pageUrl: string): PageLinks {
  const $ = load(html);
  const hrefs: string[] = [];
  $('a[href], link[rel~="next"][href]').each((_index, element) => {
    const href = $(element).attr('href');
    if (!href) return;
    try {
      hrefs.push(new URL(href.trim(), pageUrl).href);
    } catch {
      // An href that is not a URL links nowhere.
    }
  });
  return { hrefs };
}

/** The `?page=N` numbers among `hrefs` that point at the same list as `listUrl`. */
export function pageNumbersOf(hrefs: readonly string[], listUrl: string): number[] {
  const list = new URL(listUrl);
  const listPath = decodeUriComponentSafely(list.pathname).replace(/\/+$/, '');
  const numbers: number[] = [];
  for (const href of hrefs) {
    const url = new URL(href);
    if (url.host !== list.host) continue;
    if (decodeUriComponentSafely(url.pathname).replace(/\/+$/, '') !== listPath) continue;
    const page = Number(url.searchParams.get('page'));
    if (Number.isInteger(page) && page >= 1) numbers.push(page);
  }
  return numbers;
}
