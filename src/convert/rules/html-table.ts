import { cleanHtml } from '../clean-html.js';
import { asElement, hasDescendant } from '../dom.js';
import { hasMergedCells, isSingleCellTable } from '../table-shape.js';
import type { RuleDefinition } from './rule.js';

// What a GFM table cell cannot hold.
const BLOCKS_IN_CELLS = ['UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR', 'BLOCKQUOTE', 'PRE', 'TABLE'];

/**
 * Tables GFM cannot express (merged cells; lists, headings, code or tables in cells) stay HTML, cleaned of
 * the editor's attributes, rather than being flattened into a table that says something else.
 */
export const htmlTable: RuleDefinition = {
  key: 'htmlTable',
  create: ({ baseUrl }) => ({
    filter: (node) => {
      const table = asElement(node);
      return (
        table.nodeName === 'TABLE' &&
        !isSingleCellTable(table) &&
        (hasMergedCells(table) || hasDescendant(table, BLOCKS_IN_CELLS))
      );
    },
    replacement: (_content, node) => `\n\n${cleanHtml(asElement(node).outerHTML, baseUrl)}\n\n`,
  }),
};
