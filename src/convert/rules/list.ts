import { asElement, hasFollowingContent } from '../dom.js';
import type { RuleDefinition } from './rule.js';

/** `ul`/`ol`; a list nested in an item hangs under the item's text with no blank line. */
export const list: RuleDefinition = {
  key: 'list',
  create: () => ({
    filter: ['ul', 'ol'],
    replacement: (content, rawNode) => {
      const node = asElement(rawNode);
      if (node.parentNode?.nodeName === 'LI' && !hasFollowingContent(node)) return `\n${content}\n`;
      return `\n\n${content}\n\n`;
    },
  }),
};
