import { load } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { escapeHtml } from '../util/html-escape.js';

/** Removed with what they hold: code, styles that could load things, and what only a live page needs. */
const DROPPED = 'script, style, noscript, template, link, meta, base, title, svg, input, button, select, textarea';
/** Players and frames: shown as a link to what they would have loaded, never loaded. */
const EMBEDS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal']);
const MEDIA = new Set(['video', 'audio']);
const KEPT_ATTRIBUTES = new Set([
  'alt',
  'title',
  'colspan',
  'rowspan',
  'start',
  'reversed',
  'type',
  'width',
  'height',
  'align',
  'class',
  'lang',
  'dir',
  'open',
  'controls',
]);
const UNSAFE_STYLE = /url\s*\(|expression|@import|behavior|binding|javascript:/i;
const SCHEME = /^\s*([a-z][a-z0-9+.-]*):/i;

/**
 * A body made safe to show from a file on the user's disk: no scripts or event handlers, nothing that
 * loads from the network (a remote image or player becomes a link to it), links only to web, mail or
 * local addresses. Local files (`../../assets/…`) and `data:` images stay as they are.
 */
export function sanitizeHtml(html: string): string {
  const $ = load(html, null, false);
  $(DROPPED).remove();
  $(commentsIn($.root().toArray())).remove();
  for (const element of $('*').toArray().reverse() as Element[]) {
    const name = element.tagName.toLowerCase();
    if (EMBEDS.has(name)) {
      $(element).replaceWith(placeholder('embedded content', element.attribs.src ?? element.attribs.data ?? ''));
      continue;
    }
    if (name === 'img' && !isLocal(element.attribs.src ?? '')) {
      $(element).replaceWith(placeholder('image not downloaded', element.attribs.src ?? ''));
      continue;
    }
    if (MEDIA.has(name)) {
      const src = element.attribs.src ?? $(element).find('source[src]').attr('src') ?? '';
      if (!isLocal(src)) {
        $(element).replaceWith(placeholder(`${name} not downloaded`, src));
        continue;
      }
      $(element).empty();
      element.attribs = { src, controls: '' };
      continue;
    }
    element.attribs = safeAttributes(name, element.attribs);
  }
  return $.html();
}

function safeAttributes(name: string, attributes: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [attribute, value] of Object.entries(attributes)) {
    const key = attribute.toLowerCase();
    if (KEPT_ATTRIBUTES.has(key)) kept[key] = value;
    else if (key === 'style' && !UNSAFE_STYLE.test(value)) kept[key] = value;
    else if (key === 'src' && name === 'img') kept[key] = value;
    else if (key === 'href' && name === 'a' && isSafeLink(value)) kept[key] = value;
  }
  if (kept.href !== undefined && SCHEME.test(kept.href)) {
    kept.target = '_blank';
    kept.rel = 'noopener noreferrer';
  }
  return kept;
}

/** A relative path (a downloaded copy) or an inline image: loads nothing from the network. */
function isLocal(src: string): boolean {
  const scheme = SCHEME.exec(src)?.[1]?.toLowerCase();
  if (scheme === undefined) return src.trim() !== '' && !src.trim().startsWith('//');
  return scheme === 'data' && /^\s*data:image\/(?:png|gif|jpe?g|webp|avif|bmp);/i.test(src);
}

function isSafeLink(href: string): boolean {
  const scheme = SCHEME.exec(href)?.[1]?.toLowerCase();
  return scheme === undefined || scheme === 'http' || scheme === 'https' || scheme === 'mailto';
}

function placeholder(what: string, url: string): string {
  const link = isSafeLink(url) && url.trim() !== '' && SCHEME.test(url);
  const target = link
    ? ` <a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(url)}</a>`
    : '';
  return `<span class="not-loaded">[${escapeHtml(what)}${target}]</span>`;
}

function commentsIn(nodes: readonly AnyNode[], found: AnyNode[] = []): AnyNode[] {
  for (const node of nodes) {
    if (node.type === 'comment') found.push(node);
    else if ('children' in node) commentsIn((node as Element).children, found);
  }
  return found;
}
