import { asElement } from '../dom.js';
import { wrapInline } from '../delimited.js';
import type { RuleDefinition } from './rule.js';

const TAGS = ['STRONG', 'B'];

export const strong: RuleDefinition = {
  key: 'strong',
  create: () => ({
    filter: ['strong', 'b'],
    replacement: (content, node) => wrapInline(content, asElement(node), '**', 'strong', TAGS),
  }),
};
