import { asElement, hasDescendant } from '../dom.js';
import { isSingleCellTable } from '../table-shape.js';
import type { RuleDefinition } from './rule.js';

// What a GFM table cell cannot hold.
const BLOCKS_IN_CELLS = ['UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR', 'BLOCKQUOTE', 'PRE', 'TABLE'];

/**
 * Tables whose cells hold lists, headings, code or tables stay HTML (plain, without the wrapper the GFM
 * plugin adds). A blank line would end the HTML block in Markdown, so there are none inside.
 */
export const htmlTable: RuleDefinition = {
  key: 'htmlTable',
  create: () => ({
    filter: (node) => {
      const table = asElement(node);
      return table.nodeName === 'TABLE' && !isSingleCellTable(table) && hasDescendant(table, BLOCKS_IN_CELLS);
    },
    replacement: (_content, node) => `\n\n${asElement(node).outerHTML.replace(/\n[ \t]*(?=\n)/g, '')}\n\n`,
  }),
};
