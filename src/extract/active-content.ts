import type { Cheerio } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { elementsWithin } from '../util/select.js';
import { descendantsOf, removeNode } from './walk.js';

// The clean body goes into posts.jsonl and, through the converter, into Markdown that another site
// renders: anything that runs code there must not come along. Scripts and styles are already gone by
// the time this runs; this removes what is left of code in markup.

/**
 * Elements that run code or re-point every relative link, with no writing of the author's in them.
 * Embeds and objects stay (old posts hold video players there) and lose only their active attributes.
 */
const ACTIVE_ELEMENTS = 'script, base';

/** URL schemes that run code when followed or loaded. */
const ACTIVE_SCHEME =
  /^(?:(?:javascript|vbscript|livescript):|data:(?:text\/html|application\/(?:x-)?(?:java|ecma)script))/i;

/**
 * Attribute values a browser or a Markdown renderer treats as a URL. Tistory's editor keeps the real
 * URLs in data-* attributes (data-url, data-og-url, data-video-url) that the converter turns into
 * links, so every attribute value is checked, not only href and src.
 */
function isActiveUrl(value: string): boolean {
  // A scheme needs its colon, written or as `&colon;`: most attribute values have neither.
  if (!value.includes(':') && !value.includes('&')) return false;
  // Browsers ignore whitespace and control characters inside a scheme: `java\tscript:` runs.
  const squeezed = value.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '').replace(/&colon;/gi, ':');
  return ACTIVE_SCHEME.test(squeezed);
}

/** Event handlers (`onclick`, `onerror`, …) and `srcdoc`, a whole document inside an iframe. */
function isActiveAttribute(name: string): boolean {
  return /^on/i.test(name) || name === 'srcdoc';
}

/**
 * Strips code from a located body: script-like elements, event handler attributes and attributes
 * holding `javascript:` (and similar) URLs. An `<a href="javascript:…">` keeps its text and loses the
 * link; the writing stays, the code goes. Mutates the node.
 */
export function removeActiveContent(body: Cheerio<AnyNode>): void {
  for (const element of elementsWithin(body[0]!, ACTIVE_ELEMENTS)) removeNode(element);
  for (const node of descendantsOf(body.toArray())) {
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
    const element = node as Element;
    for (const [name, value] of Object.entries(element.attribs)) {
      if (isActiveAttribute(name) || isActiveUrl(value)) delete element.attribs[name];
    }
  }
}
