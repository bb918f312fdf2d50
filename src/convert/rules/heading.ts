import { asElement } from '../dom.js';
import type { RuleDefinition } from './rule.js';

/** ATX headings on one line; a trailing ` #` would be read as the closing sequence, so it is escaped. */
export const heading: RuleDefinition = {
  key: 'heading',
  create: () => ({
    filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    replacement: (content, rawNode) => {
      const level = Number(asElement(rawNode).nodeName.charAt(1));
      const text = content
        .replace(/\s*\n+\s*/g, ' ')
        .trim()
        .replace(/(^|\s)(#+)$/, '$1\\$2');
      return text ? `\n\n${'#'.repeat(level)} ${text}\n\n` : '';
    },
  }),
};
