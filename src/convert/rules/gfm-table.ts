import { asElement, closestAncestor, type DomElement, type DomNode } from '../dom.js';
import { isSingleCellTable, tableShape } from '../table-shape.js';
import type { RuleDefinition } from './rule.js';

// The GFM plugin's table and row rules, with the same output, reading each table's shape once (see
// `table-shape.ts`). Tables that must stay HTML never get here: `htmlTable` and `boxTable` come first.

const BORDERS: Record<string, string> = { '': '---', left: ':---', right: '---:', center: ':---:' };

interface CaptionHolder extends DomElement {
  querySelector?(selector: string): DomNode | null;
}

export const gfmTableRow: RuleDefinition = {
  key: 'gfmTableRow',
  create: () => ({
    filter: 'tr',
    replacement: (content, rawNode) => {
      const row = asElement(rawNode);
      const table = closestAncestor(row, ['TABLE']);
      if (!table || isSingleCellTable(table)) return content;
      if (!isHeadingRow(row)) return `\n${content}`;
      const { columnCount, alignments } = tableShape(table);
      const borders = alignments.slice(0, columnCount).map((alignment, index) => `${index === 0 ? '| ' : ' '}${BORDERS[alignment]} |`);
      return `\n${content}\n${borders.join('')}`;
    },
  }),
};

export const gfmTable: RuleDefinition = {
  key: 'gfmTable',
  create: () => ({
    filter: 'table',
    replacement: (content, rawNode) => {
      const table = asElement(rawNode);
      if (isSingleCellTable(table)) return content;
      const rows = content.replace(/\n+/g, '\n');
      const lines = rows.trim().split('\n');
      const hasDivider = /\| :?---/.test(lines[lines.length >= 2 ? 1 : 0] ?? '');
      const { columnCount, alignments } = tableShape(table);
      // GFM needs a header row: a table without one gets an empty header.
      const emptyHeader =
        columnCount && !hasDivider ? `|${'     |'.repeat(columnCount)}\n|${alignments.map((alignment) => ` ${BORDERS[alignment]} |`).join('')}` : '';
      const caption = (table as CaptionHolder).querySelector?.('caption')?.textContent ?? '';
      return `\n\n${caption ? `${caption}\n\n` : ''}${`${emptyHeader}${rows}`.trimStart()}\n\n`;
    },
  }),
};

/** A header row: in a THEAD, or the first row of the table (or of its first body) made of TH cells only. */
function isHeadingRow(row: DomElement): boolean {
  const parent = row.parentNode as DomElement | null;
  if (!parent) return false;
  if (parent.nodeName === 'THEAD') return true;
  const firstChild = parent.childNodes[0];
  return (
    firstChild === row &&
    (parent.nodeName === 'TABLE' || isFirstBody(parent)) &&
    Array.from(row.childNodes).every((cell) => cell.nodeName === 'TH')
  );
}

function isFirstBody(section: DomElement): boolean {
  if (section.nodeName !== 'TBODY') return false;
  const previous = section.previousSibling;
  return !previous || (previous.nodeName === 'THEAD' && /^\s*$/.test(previous.textContent ?? ''));
}
