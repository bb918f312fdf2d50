import { someDescendant, type DomElement } from './dom.js';

interface TableElement extends DomElement {
  readonly rows: ArrayLike<DomElement>;
}

/** What the table rules ask of one table, worked out once per table. */
interface TableShape {
  rows: DomElement[];
  columnCount: number;
  /** Per column, the alignment most of its cells ask for (`left`, `right`, `center` or ''). */
  alignments: string[];
}

// Turndown's DOM (domino) rebuilds `table.rows` by walking the table on every access, so asking it per
// cell made long tables quadratic: the shape is read once and kept for the life of the DOM.
const shapes = new WeakMap<DomElement, TableShape>();

export function tableShape(table: DomElement): TableShape {
  let shape = shapes.get(table);
  if (!shape) {
    const rows = Array.from((table as TableElement).rows ?? []);
    const columnCount = Math.max(0, ...rows.map((row) => row.childNodes.length));
    const alignments = Array.from({ length: columnCount }, (_, column) => columnAlignment(rows, column));
    shape = { rows, columnCount, alignments };
    shapes.set(table, shape);
  }
  return shape;
}

/** A table of one cell (or none): Tistory authors draw such tables as a box around text. */
export function isSingleCellTable(table: DomElement): boolean {
  const { rows } = tableShape(table);
  return rows.length === 0 || (rows.length === 1 && (rows[0]?.childNodes.length ?? 0) <= 1);
}

/** A cell spanning rows or columns: GFM tables have no way to say so. */
export function hasMergedCells(table: DomElement): boolean {
  return someDescendant(
    table,
    (cell) => (cell.nodeName === 'TD' || cell.nodeName === 'TH') && (spans(cell, 'colspan') || spans(cell, 'rowspan')),
  );
}

function spans(cell: DomElement, attribute: string): boolean {
  return Number.parseInt(cell.getAttribute(attribute) ?? '', 10) > 1;
}

/** The alignment most cells of a column ask for; the first to lead wins a tie, as in the GFM plugin. */
function columnAlignment(rows: readonly DomElement[], column: number): string {
  const votes = new Map<string, number>([['', 0]]);
  let leader = '';
  for (const row of rows) {
    if (column >= row.childNodes.length) continue;
    const alignment = cellAlignment(row.childNodes[column] as DomElement);
    // The plugin never counted other values (`justify`): they neither vote nor win.
    if (alignment === null) continue;
    const count = (votes.get(alignment) ?? 0) + 1;
    votes.set(alignment, count);
    if (count > (votes.get(leader) ?? 0)) leader = alignment;
  }
  return leader;
}

function cellAlignment(cell: DomElement): string | null {
  const alignment = (cell.getAttribute?.('align') || styleTextAlign(cell.getAttribute?.('style') ?? '')).toLowerCase();
  return ['', 'left', 'right', 'center'].includes(alignment) ? alignment : null;
}

/** What `style.textAlign` says in a browser: the last `text-align` declaration of the attribute. */
function styleTextAlign(style: string): string {
  let value = '';
  for (const match of style.matchAll(/(?:^|;)\s*text-align\s*:\s*([^;!]*)/gi)) value = match[1]!.trim();
  return value;
}
