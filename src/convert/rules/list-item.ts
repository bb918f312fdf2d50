import { asElement, type DomElement, elementSiblings, hasFollowingContent } from '../dom.js';
import type { RuleDefinition } from './rule.js';

/** `- item` or `N. item` (counting from the list's `start`), continuation lines indented under the text. */
export const listItem: RuleDefinition = {
  key: 'listItem',
  create: () => ({
    filter: 'li',
    replacement: (content, rawNode) => {
      const item = asElement(rawNode);
      const marker = item.parentNode?.nodeName === 'OL' ? `${itemNumber(item)}. ` : '- ';
      const indent = ' '.repeat(marker.length);
      const body = content.replace(/^\n+|\n+$/g, '').replace(/\n(?=[^\n])/g, `\n${indent}`);
      return `${marker}${body}${hasFollowingContent(item) ? '\n' : ''}`;
    },
  }),
};

function itemNumber(item: DomElement): number {
  const start = Number.parseInt(asElement(item.parentNode).getAttribute('start') ?? '', 10);
  const position = elementSiblings(item)
    .filter((sibling) => sibling.nodeName === 'LI')
    .indexOf(item);
  return (Number.isFinite(start) ? start : 1) + position;
}
