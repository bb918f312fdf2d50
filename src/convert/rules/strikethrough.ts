import { asElement } from '../dom.js';
import { wrapInline } from '../delimited.js';
import type { RuleDefinition } from './rule.js';

const TAGS = ['DEL', 'S', 'STRIKE'];

/** GFM `~~strikethrough~~`. */
export const strikethrough: RuleDefinition = {
  key: 'strikethrough',
  create: () => ({
    filter: ['del', 's', 'strike'],
    replacement: (content, node) => wrapInline(content, asElement(node), '~~', 'del', TAGS),
  }),
};
