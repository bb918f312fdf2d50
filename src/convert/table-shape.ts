import type { DomElement } from './dom.js';

interface TableElement extends DomElement {
  readonly rows: ArrayLike<DomElement>;
}

/** A table of one cell (or none): Tistory authors draw such tables as a box around text. */
export function isSingleCellTable(table: DomElement): boolean {
  const rows = (table as TableElement).rows;
  return rows.length === 0 || (rows.length === 1 && (rows[0]?.childNodes.length ?? 0) <= 1);
}

/** A cell spanning rows or columns: GFM tables have no way to say so. */
export function hasMergedCells(table: DomElement): boolean {
  return ['TD', 'TH'].some((name) =>
    Array.from(table.getElementsByTagName(name)).some((cell) => spans(cell, 'colspan') || spans(cell, 'rowspan')),
  );
}

function spans(cell: DomElement, attribute: string): boolean {
  return Number.parseInt(cell.getAttribute(attribute) ?? '', 10) > 1;
}
