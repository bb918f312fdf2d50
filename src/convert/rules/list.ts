import { asElement, type DomNode, isElement } from '../dom.js';
import type { RuleDefinition } from './rule.js';

const LISTS = ['UL', 'OL'];

/**
 * `ul`/`ol`; a list nested in an item hangs under the item's text with no blank line, as do sublists that
 * follow one another there (a blank line would make the whole list loose).
 */
export const list: RuleDefinition = {
  key: 'list',
  create: () => ({
    filter: ['ul', 'ol'],
    replacement: (content, rawNode) => {
      const node = asElement(rawNode);
      if (node.parentNode?.nodeName === 'LI' && onlyListsFollow(node)) return `\n${content}\n`;
      return `\n\n${content}\n\n`;
    },
  }),
};

function onlyListsFollow(node: DomNode): boolean {
  for (let next = node.nextSibling; next; next = next.nextSibling) {
    if (isElement(next) ? !LISTS.includes(next.nodeName) : /\S/.test(next.nodeValue ?? '')) return false;
  }
  return true;
}
