import { asElement } from '../dom.js';
import { isSingleCellTable } from '../table-shape.js';
import type { RuleDefinition } from './rule.js';

/** A one-cell table is a box drawn around content: the content is kept, the box is not. */
export const boxTable: RuleDefinition = {
  key: 'boxTable',
  create: () => ({
    filter: (node) => node.nodeName === 'TABLE' && isSingleCellTable(asElement(node)),
    replacement: (content) => `\n\n${content}\n\n`,
  }),
};
