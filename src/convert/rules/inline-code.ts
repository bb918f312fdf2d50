import { codeText, longestBacktickRun } from '../code-text.js';
import { asElement, closestAncestor } from '../dom.js';
import type { RuleDefinition } from './rule.js';

/** `code` spans; the delimiter is one backtick longer than any run inside, padded when needed. */
export const inlineCode: RuleDefinition = {
  key: 'inlineCode',
  create: () => ({
    filter: (node) => node.nodeName === 'CODE' && !closestAncestor(asElement(node), ['PRE']),
    replacement: (_content, rawNode) => {
      const text = codeText(asElement(rawNode)).replace(/\s*\n\s*/g, ' ');
      if (!text) return '';
      const delimiter = '`'.repeat(longestBacktickRun(text) + 1);
      // A span starting or ending in a backtick needs a space; so does one with a space at both ends
      // (CommonMark strips one space from each side when both are there).
      const padded = /^`|`$/.test(text) || /^ .*\S.* $/.test(text) ? ` ${text} ` : text;
      return `${delimiter}${padded}${delimiter}`;
    },
  }),
};
