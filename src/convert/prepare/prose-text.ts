import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Text } from 'domhandler';

// Where text is code or not text at all: Tistory's codes and TeX there are shown, not interpreted.
export const CODE_ELEMENTS: ReadonlySet<string> = new Set([
  'pre',
  'code',
  'xmp',
  'kbd',
  'samp',
  'textarea',
  'script',
  'style',
]);

/**
 * Every text node of the document, skipping the subtrees of `skipped` elements. A plain walk: cheerio's
 * `find('*').contents()` and a `closest()` per node parse selectors and sort node sets, which was a fifth
 * of the conversion time on long posts (see bench/).
 */
export function textNodes($: CheerioAPI, skipped: ReadonlySet<string> = new Set()): Text[] {
  const found: Text[] = [];
  const stack: AnyNode[] = [...$.root().toArray()];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      found.push(node);
      continue;
    }
    if (!('children' in node)) continue;
    if ('name' in node && skipped.has(node.name)) continue;
    for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!);
  }
  return found;
}

/** Calls `visit` for every text node of running prose (a snapshot: `visit` may replace the node). */
export function eachProseTextNode($: CheerioAPI, visit: (node: Text) => void): void {
  textNodes($, CODE_ELEMENTS).forEach(visit);
}
