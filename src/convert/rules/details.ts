import type { RuleDefinition } from './rule.js';

/**
 * `<details>` (the "더보기" block) stays HTML around Markdown content: the blank lines end the HTML block,
 * so what is inside is still converted and rendered as Markdown.
 */
export const details: RuleDefinition = {
  key: 'details',
  create: () => ({
    filter: 'details',
    replacement: (content) => `\n\n<details>\n${content.replace(/^\n+|\n+$/g, '')}\n\n</details>\n\n`,
  }),
};
