import { load } from 'cheerio';
import type { Extraction } from '../types.js';
import { cleanBody } from './clean-body.js';
import { locateBody } from './locate-body.js';
import { readMetadata } from './metadata.js';
import { isNotFoundPage, isProtectedPage } from './page-kind.js';

/**
 * Page HTML → post metadata and clean body HTML, for any skin. Pure: no network, no disk.
 * The body keeps Tistory's editor markup (figure, data-ke-*, data-url) for the converter.
 */
export function extractPost(html: string, url: string): Extraction {
  const $ = load(html);
  if (isProtectedPage($)) return { status: 'protected', meta: readMetadata($, url) };
  const located = locateBody($);
  if (!located) {
    if (isNotFoundPage($)) return { status: 'missing' };
    return { status: 'failed', error: 'no post body found on the page (unknown skin?)', meta: readMetadata($, url) };
  }
  const meta = readMetadata($, url);
  cleanBody($, located.node, located.needsChromeStrip);
  return { status: 'ok', meta, bodyHtml: (located.node.html() ?? '').trim(), skin: located.source };
}
