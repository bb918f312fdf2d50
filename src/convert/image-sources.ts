import { originalImageUrl } from '../util/image-url.js';
import { closestAncestor, type DomElement, type DomNode, isElement, isText } from './dom.js';
import type { AltSources } from './image-alt.js';

// Where the editors' markup keeps an image's address and its alt text, for the `image` rule in `rules.ts`.

export function imageSource(img: DomElement): string {
  const candidates = [wrapperAttribute(img, 'data-url'), img.getAttribute('src'), img.getAttribute('data-src')];
  return candidates.map((candidate) => candidate?.trim() ?? '').find((candidate) => candidate !== '') ?? '';
}

/**
 * Last resort for an img with no source but a `srcset`: its candidates are proxy thumbnails, usable only
 * when they name the original in their `fname`; a bare thumbnail is never taken for the image.
 */
export function originalFromSrcset(img: DomElement): string {
  for (const candidate of (img.getAttribute('srcset') ?? '').split(',')) {
    const url = candidate.trim().split(/\s+/)[0] ?? '';
    const original = url ? originalImageUrl(url) : '';
    if (original && original !== url) return original;
  }
  return '';
}

/** What `imageAltText` chooses from; the rule itself (and why) is written there. */
export function altSources(img: DomElement): AltSources {
  const figure = closestAncestor(img, ['FIGURE']);
  const alone = figure !== null && figure.getElementsByTagName('img').length === 1;
  const caption = alone ? Array.from(figure.childNodes).find((node) => node.nodeName === 'FIGCAPTION') : undefined;
  return {
    dataAlt: wrapperAttribute(img, 'data-alt'),
    alt: img.getAttribute('alt'),
    caption: caption ? textOf(caption) : null,
    fileNames: [img.getAttribute('filename'), img.getAttribute('data-filename'), figure?.getAttribute('data-filename')],
  };
}

/** Plain text, a line break read as a space (`textContent` would run `캡션<br>둘째` together). */
function textOf(node: DomNode): string {
  if (isText(node)) return node.nodeValue ?? '';
  if (node.nodeName === 'BR') return ' ';
  return Array.from(node.childNodes, textOf).join('');
}

/** An attribute of the editor's wrapping `<span>` (`figure.imageblock > span[data-url] > img`). */
function wrapperAttribute(img: DomElement, name: string): string | null {
  const parent = img.parentNode;
  return parent && isElement(parent) && parent.nodeName === 'SPAN' ? parent.getAttribute(name) : null;
}
