import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { fragmentToMarkdown } from '../convert/index.js';
import type { Extraction, PostMeta } from '../types.js';
import { findBody } from './find-body.js';
import { loadPage } from './load-page.js';
import { readMetadata } from './metadata.js';
import { isNotFoundPage, isProtectedPage } from './page-kind.js';
import { detectSkin } from './skins.js';
import { withElementIndex } from '../util/select.js';

/**
 * What becomes of a found body, still a tree: the library serialises it (`extractPost`), the export
 * converts it where it lies, so the page is parsed once. Owns the fragment.
 */
export type BodyFinisher<Body> = (body: CheerioAPI, meta: PostMeta) => Body;

/** The body as HTML, trimmed: what `extractPost` returns. */
export const serialiseBody: BodyFinisher<{ bodyHtml: string }> = (body) => ({ bodyHtml: body.html().trim() });

/**
 * Page HTML → post metadata and clean body HTML, for any skin. Pure: no network, no disk.
 * The body keeps Tistory's editor markup (figure, data-ke-*, data-url) for the converter.
 */
export function extractPost(html: string, url: string): Extraction {
  return extractPage(html, url, serialiseBody);
}

/**
 * `extractPost` with the body as Markdown instead of HTML (`{ status: 'ok', meta, markdown, skin,
 * bodyFoundBy }`): the page is parsed once, and the body converted where it was found. The Markdown is
 * what `toMarkdown(extractPost(html, url).bodyHtml, { baseUrl: meta.url })` gives. Pure.
 */
export function extractMarkdown(html: string, url: string): Extraction<{ markdown: string }> {
  return extractPage(html, url, (body, meta) => ({ markdown: fragmentToMarkdown(body, { baseUrl: meta.url }) }));
}

/** `extractPost` with the body handed to `finish` as a tree of its own instead of serialised. */
export function extractPage<Body>(html: string, url: string, finish: BodyFinisher<Body>): Extraction<Body> {
  const $ = loadPage(html);
  // Reading the page's kind and facts changes nothing in it: each selector looks only at its elements.
  const read = withElementIndex($, () => {
    const skin = detectSkin($);
    if (isProtectedPage($)) return { status: 'protected', meta: readMetadata($, url, skin) } as const;
    if (isNotFoundPage($)) return { status: 'missing' } as const;
    return { status: 'post', skin, meta: readMetadata($, url, skin) } as const;
  });
  if (read.status !== 'post') return read;
  const { skin, meta } = read;
  const body = findBody($);
  if (!body.found) return { status: 'failed', error: body.error, meta };
  return {
    status: 'ok',
    meta,
    skin: skin?.name ?? 'unknown',
    bodyFoundBy: body.foundBy,
    ...finish(detachBody(body.node.toArray()), meta),
  };
}

/**
 * The body's content as a fragment of its own, moved out of the page (no copy, no parse). Whitespace at
 * its two ends goes, as trimming its HTML would remove it.
 */
export function detachBody(containers: AnyNode[]): CheerioAPI {
  const container = containers[0];
  const children = container && 'children' in container ? container.children : [];
  if (container && 'children' in container) container.children = [];
  const fragment = load(children, null, false);
  trimEdges(fragment.root()[0]!.children);
  return fragment;
}

// What `String.prototype.trim` removes from serialised HTML: whitespace, but not U+00A0, which the
// serialiser writes as `&nbsp;`.
const LEADING_SPACE = /^[^\S\u00a0]+/;
const TRAILING_SPACE = /[^\S\u00a0]+$/;

function trimEdges(nodes: AnyNode[]): void {
  const first = nodes[0];
  if (first?.type === 'text') first.data = first.data.replace(LEADING_SPACE, '');
  const last = nodes[nodes.length - 1];
  if (last?.type === 'text') last.data = last.data.replace(TRAILING_SPACE, '');
  for (const edge of [nodes.length - 1, 0]) {
    const node = nodes[edge];
    if (node?.type === 'text' && node.data === '') nodes.splice(edge, 1);
  }
  for (let index = 0; index < nodes.length; index++) {
    nodes[index]!.prev = nodes[index - 1] ?? null;
    nodes[index]!.next = nodes[index + 1] ?? null;
  }
}
