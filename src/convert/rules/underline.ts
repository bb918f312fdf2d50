import type { RuleDefinition } from './rule.js';

/**
 * Markdown has no underline. Authors use it for emphasis, so it is kept as `<u>`, which renderers show
 * and sanitisers that refuse it reduce to its text.
 */
export const underline: RuleDefinition = {
  key: 'underline',
  create: () => ({
    filter: ['u', 'ins'],
    replacement: (content) => (content.trim() ? `<u>${content}</u>` : content),
  }),
};
