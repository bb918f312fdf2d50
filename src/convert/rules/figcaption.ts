import type { RuleDefinition } from './rule.js';

/** A caption is an italic line right under its image (the `img + em` convention themes style). */
export const figcaption: RuleDefinition = {
  key: 'figcaption',
  create: () => ({
    filter: 'figcaption',
    replacement: (content) => {
      const text = content.trim().replace(/\\?\n+/g, ' ');
      return text ? `\n*${text}*\n\n` : '';
    },
  }),
};
