import { asElement } from '../dom.js';
import { MATH_ATTRIBUTE, MATH_TAG } from '../math-tag.js';
import type { RuleDefinition } from './rule.js';

/** TeX set aside by the prepare step, written back exactly as the author typed it. */
export const math: RuleDefinition = {
  key: 'math',
  create: () => ({
    filter: (node) => node.nodeName === MATH_TAG.toUpperCase(),
    replacement: (_content, node) => asElement(node).getAttribute(MATH_ATTRIBUTE) ?? '',
  }),
};
