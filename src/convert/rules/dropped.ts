import type { RuleDefinition } from './rule.js';

// Never content: script source and stylesheets would otherwise leak in as text, and a noscript
// fallback image would show the same image twice.
export const dropped: RuleDefinition = {
  key: 'dropped',
  create: () => ({
    filter: ['script', 'style', 'noscript', 'template'],
    replacement: () => '',
  }),
};
