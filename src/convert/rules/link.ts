import { asElement } from '../dom.js';
import { autolink, markdownDestination, markdownTitle, resolveUrl } from '../url.js';
import type { RuleDefinition } from './rule.js';

/** Inline links, made absolute against the post URL; links that do nothing keep only their text. */
export const link: RuleDefinition = {
  key: 'link',
  create: ({ baseUrl }) => ({
    filter: (node) => node.nodeName === 'A' && Boolean(asElement(node).getAttribute('href')?.trim()),
    replacement: (content, rawNode) => {
      const anchor = asElement(rawNode);
      const href = resolveUrl(anchor.getAttribute('href') ?? '', baseUrl);
      if (/^javascript:/i.test(href) || !content.trim()) return content;
      // A link that shows its own address reads best as one.
      const shown = (anchor.textContent ?? '').trim();
      if (shown && resolveUrl(shown, baseUrl) === href && !anchor.getAttribute('title')) return autolink(href);
      // Link text may not hold a blank line.
      const text = content.replace(/\n{2,}/g, '\n');
      return `[${text}](${markdownDestination(href)}${markdownTitle(anchor.getAttribute('title'))})`;
    },
  }),
};
