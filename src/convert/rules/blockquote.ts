import type { RuleDefinition } from './rule.js';

/** `> ` on every line; blank lines inside get a bare `>` (no trailing space). */
export const blockquote: RuleDefinition = {
  key: 'blockquote',
  create: () => ({
    filter: 'blockquote',
    replacement: (content) => {
      const body = content
        .replace(/^\n+|\n+$/g, '')
        .split('\n')
        .map((line) => (line ? `> ${line}` : '>'))
        .join('\n');
      return body ? `\n\n${body}\n\n` : '';
    },
  }),
};
