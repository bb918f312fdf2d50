import { blockquote } from './blockquote.js';
import { boxTable } from './box-table.js';
import { codeBlock } from './code-block.js';
import { details } from './details.js';
import { dropped } from './dropped.js';
import { emphasis } from './emphasis.js';
import { figcaption } from './figcaption.js';
import { gfmTable, gfmTableRow } from './gfm-table.js';
import { heading } from './heading.js';
import { htmlTable } from './html-table.js';
import { image } from './image.js';
import { imageGridContainer } from './image-grid-container.js';
import { inlineCode } from './inline-code.js';
import { lineBreak } from './line-break.js';
import { link } from './link.js';
import { list } from './list.js';
import { listItem } from './list-item.js';
import { math } from './math.js';
import type { RuleDefinition } from './rule.js';
import { strikethrough } from './strikethrough.js';
import { strong } from './strong.js';
import { summary } from './summary.js';
import { tableCell } from './table-cell.js';
import { underline } from './underline.js';

export type { ConvertContext, RuleDefinition } from './rule.js';

/**
 * Every conversion rule. When two match the same element, the one listed first wins, so specific
 * blocks (a `figure[data-ke-type=…]`) go above the generic ones they would otherwise fall into.
 */
export const RULES: readonly RuleDefinition[] = [
  dropped,
  math,
  boxTable,
  htmlTable,
  tableCell,
  gfmTableRow,
  gfmTable,
  codeBlock,
  inlineCode,
  heading,
  blockquote,
  details,
  summary,
  list,
  listItem,
  figcaption,
  imageGridContainer,
  image,
  link,
  lineBreak,
  strong,
  emphasis,
  strikethrough,
  underline,
];
