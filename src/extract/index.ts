import { load } from 'cheerio';
import type { Extraction } from '../types.js';
import { cleanBody, isEmptyBody } from './clean-body.js';
import { locateBody } from './locate-body.js';
import { readMetadata } from './metadata.js';
import { isNotFoundPage, isProtectedPage } from './page-kind.js';
import { detectSkin } from './skins.js';

/**
 * Page HTML → post metadata and clean body HTML, for any skin. Pure: no network, no disk.
 * The body keeps Tistory's editor markup (figure, data-ke-*, data-url) for the converter.
 */
export function extractPost(html: string, url: string): Extraction {
  const $ = load(html);
  const skin = detectSkin($);
  if (isProtectedPage($)) return { status: 'protected', meta: readMetadata($, url, skin) };
  if (isNotFoundPage($)) return { status: 'missing' };
  const meta = readMetadata($, url, skin);
  const located = locateBody($);
  if (!located) {
    return { status: 'failed', error: 'no post body found: no .contents_style, known skin container or article container on the page', meta };
  }
  cleanBody($, located.node, located.fromContainer);
  if (isEmptyBody(located.node)) {
    return { status: 'failed', error: `post body (${located.selector}) is empty once ads and page chrome are removed`, meta };
  }
  return { status: 'ok', meta, bodyHtml: (located.node.html() ?? '').trim(), skin: skin?.name ?? 'unknown' };
}
