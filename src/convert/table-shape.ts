import type { DomElement } from './dom.js';

interface TableElement extends DomElement {
  readonly rows: ArrayLike<DomElement>;
}

/** A table of one cell (or none): Tistory authors draw such tables as a box around text. */
export function isSingleCellTable(table: DomElement): boolean {
  const rows = (table as TableElement).rows;
  return rows.length === 0 || (rows.length === 1 && (rows[0]?.childNodes.length ?? 0) <= 1);
}
