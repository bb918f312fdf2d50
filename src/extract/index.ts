import type { Extraction } from '../types.js';
import { findBody } from './find-body.js';
import { loadPage } from './load-page.js';
import { readMetadata } from './metadata.js';
import { isNotFoundPage, isProtectedPage } from './page-kind.js';
import { detectSkin } from './skins.js';

/**
 * Page HTML → post metadata and clean body HTML, for any skin. Pure: no network, no disk.
 * The body keeps Tistory's editor markup (figure, data-ke-*, data-url) for the converter.
 */
export function extractPost(html: string, url: string): Extraction {
  const $ = loadPage(html);
  const skin = detectSkin($);
  if (isProtectedPage($)) return { status: 'protected', meta: readMetadata($, url, skin) };
  if (isNotFoundPage($)) return { status: 'missing' };
  const meta = readMetadata($, url, skin);
  const body = findBody($);
  if (!body.found) return { status: 'failed', error: body.error, meta };
  return { status: 'ok', meta, bodyHtml: (body.node.html() ?? '').trim(), skin: skin?.name ?? 'unknown', bodyFoundBy: body.foundBy };
}
