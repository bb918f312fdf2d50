import { asElement } from '../dom.js';
import { wrapInline } from '../delimited.js';
import type { RuleDefinition } from './rule.js';

const TAGS = ['EM', 'I'];

// `*`, not `_`: an underscore cannot emphasise part of a word (`한*글*`), which Korean text often does.
export const emphasis: RuleDefinition = {
  key: 'emphasis',
  create: () => ({
    filter: ['em', 'i'],
    replacement: (content, node) => wrapInline(content, asElement(node), '*', 'em', TAGS),
  }),
};
