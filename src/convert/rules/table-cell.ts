import { asElement, closestAncestor, elementSiblings } from '../dom.js';
import { isSingleCellTable } from '../table-shape.js';
import type { RuleDefinition } from './rule.js';

/**
 * GFM table cells, replacing the plugin's: every `|` is escaped on its own (the plugin turns `||` into
 * one `\|`), and line breaks become `<br>`. Rows, the header and alignment stay with the plugin.
 */
export const tableCell: RuleDefinition = {
  key: 'tableCell',
  create: () => ({
    filter: ['th', 'td'],
    replacement: (content, rawNode) => {
      const cell = asElement(rawNode);
      const table = closestAncestor(cell, ['TABLE']);
      if (!table || isSingleCellTable(table)) return content;
      const text = content
        .trim()
        .replace(/\\?\n/g, '<br>')
        .replace(/\|/g, '\\|');
      const first = elementSiblings(cell)[0] === cell;
      return `${first ? '| ' : ' '}${text} |`;
    },
  }),
};
