import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Text } from 'domhandler';
import { escapeHtml } from '../../util/html-escape.js';
import { mathElement } from '../math-tag.js';
import { selectAll } from '../../util/select.js';

/**
 * Display math typed over several lines (`$$<br>x_1 \\<br>$$`) is one formula: its lines are joined into
 * one `<tistory-math>` with newlines, so no `\` line break or escape lands inside it.
 */
export function joinDisplayMath($: CheerioAPI): void {
  selectAll($, 'br')
    .parent()
    .each((_, parent) => {
      const children = $(parent).contents().toArray();
      for (let start = 0; start < children.length; start++) {
        const opening = children[start]!;
        if (!isText(opening) || !opensDisplayMath(opening.data)) continue;
        const end = children.findIndex((node, at) => at > start && isText(node) && node.data.includes('$$'));
        const run = children.slice(start, end + 1);
        if (end < 0 || !run.every((node) => isText(node) || (node.type === 'tag' && node.tagName === 'br'))) continue;
        const text = run.map((node) => (isText(node) ? node.data : '\n')).join('');
        const from = text.indexOf('$$');
        const to = text.lastIndexOf('$$') + 2;
        for (const node of run.slice(1)) $(node).remove();
        $(opening).replaceWith(
          escapeHtml(text.slice(0, from)) + mathElement(text.slice(from, to)) + escapeHtml(text.slice(to)),
        );
        start = end;
      }
    });
}

function isText(node: AnyNode): node is Text {
  return node.type === 'text';
}

/** An odd number of `$$`: a formula starts here and ends further on. */
function opensDisplayMath(text: string): boolean {
  return (text.match(/\$\$/g) ?? []).length % 2 === 1;
}
