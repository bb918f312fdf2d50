import { codeLanguage } from '../code-language.js';
import { codeText, longestBacktickRun } from '../code-text.js';
import { asElement, isElement } from '../dom.js';
import type { RuleDefinition } from './rule.js';

/** Fenced code with the block's language; the fence is longer than any backtick run in the code. */
export const codeBlock: RuleDefinition = {
  key: 'codeBlock',
  create: () => ({
    filter: 'pre',
    replacement: (_content, rawNode) => {
      const pre = asElement(rawNode);
      const code = Array.from(pre.childNodes).find((child) => isElement(child) && child.nodeName === 'CODE');
      const text = codeText(pre).replace(/\n+$/, '');
      const fence = '`'.repeat(Math.max(3, longestBacktickRun(text) + 1));
      const language = codeLanguage(pre, code ? asElement(code) : null);
      return `\n\n${fence}${language}\n${text}\n${fence}\n\n`;
    },
  }),
};
