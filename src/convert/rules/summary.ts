import { escapeHtml } from '../../util/html-escape.js';
import { asElement } from '../dom.js';
import type { RuleDefinition } from './rule.js';

/** The label of a `<details>`: inside an HTML block nothing is Markdown, so it is plain, escaped text. */
export const summary: RuleDefinition = {
  key: 'summary',
  create: () => ({
    filter: 'summary',
    replacement: (_content, node) => {
      const label = (asElement(node).textContent ?? '').replace(/\s+/g, ' ').trim() || '더보기';
      return `<summary>${escapeHtml(label)}</summary>\n\n`;
    },
  }),
};
