import { asElement, closestAncestor } from '../dom.js';
import { inlineNeighbour } from '../inline-neighbour.js';
import type { RuleDefinition } from './rule.js';

const HEADINGS = ['H1', 'H2', 'H3', 'H4', 'H5', 'H6'];
const TABLE_CELLS = ['TD', 'TH'];

/**
 * `<br>`: one is a hard line break (`\` at the end of the line, not trailing spaces); a run of two or
 * more is a paragraph break, the way the old editor separated paragraphs. Breaks at the start or end of
 * a block show nothing and are dropped (a trailing `\` would even print).
 */
export const lineBreak: RuleDefinition = {
  key: 'lineBreak',
  create: () => ({
    filter: 'br',
    replacement: (_content, rawNode) => {
      const node = asElement(rawNode);
      if (closestAncestor(node, HEADINGS)) return ' ';
      const before = inlineNeighbour(node, 'previous', true).kind;
      const after = inlineNeighbour(node, 'next', true).kind;
      // Only the last <br> of a run speaks for the whole run.
      if (after !== 'content' || before === 'edge') return '';
      const paragraphBreak = before === 'break';
      // In a table cell, newlines become `<br>` in the cell rule.
      if (closestAncestor(node, TABLE_CELLS)) return paragraphBreak ? '\n\n' : '\n';
      return paragraphBreak ? '\n\n' : '\\\n';
    },
  }),
};
