import type { CheerioAPI } from 'cheerio';
import { escapeHtml } from '../../util/html-escape.js';
import { splitMath } from '../math.js';
import { mathElement } from '../math-tag.js';
import { eachProseTextNode } from './prose-text.js';

/**
 * TeX typed as `$…$` or `$$…$$` is rendered by the skin's MathJax/KaTeX, which reads it as typed: it is
 * moved into a `<tistory-math>` element that the math rule writes out verbatim, out of reach of escaping.
 */
export function wrapMath($: CheerioAPI): void {
  eachProseTextNode($, (node) => {
    if (!node.data.includes('$')) return;
    const pieces = splitMath(node.data);
    if (!pieces.some((piece) => piece.math)) return;
    const html = pieces.map(({ text, math }) => (math ? mathElement(text) : escapeHtml(text)));
    $(node).replaceWith(html.join(''));
  });
}
