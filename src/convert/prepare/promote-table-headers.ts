import type { CheerioAPI } from 'cheerio';
import { selectAll } from '../../util/select.js';

/**
 * Tistory tables have no `<thead>`, though their first row is the header in practice. Moving that row
 * into a `<thead>` as `<th>` cells lets the GFM plugin use it as the header, instead of adding an empty
 * one (or keeping the table as HTML).
 */
export function promoteTableHeaders($: CheerioAPI): void {
  selectAll($, 'table').each((_, table) => {
    const $table = $(table);
    if ($table.children('thead').length > 0) return;
    const firstRow = $table.children('tbody').first().children('tr').first().add($table.children('tr').first()).first();
    if (firstRow.length === 0) return;
    firstRow.children('td').each((_, cell) => {
      cell.tagName = 'th';
    });
    const thead = $('<thead></thead>');
    thead.append(firstRow);
    const section = $table.children('tbody').first();
    if (section.length > 0) section.before(thead);
    else $table.prepend(thead);
  });
}
