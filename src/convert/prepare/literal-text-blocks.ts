import type { CheerioAPI } from 'cheerio';
import { selectAll } from '../../util/select.js';

/**
 * `<xmp>` shows its content as typed, tags and all: old posts used it to show HTML and code. It becomes a
 * `<pre>` holding that text (escaped now), which the code block rule fences; its class, if any, may name
 * the language (`brush: html`).
 */
export function convertLiteralTextBlocks($: CheerioAPI): void {
  selectAll($, 'xmp').each((_, xmp) => {
    // Like `<pre>`, a first newline only separates the tag from the text.
    const text = $(xmp)
      .text()
      .replace(/^\r?\n/, '');
    const pre = $('<pre></pre>').text(text);
    const className = $(xmp).attr('class');
    if (className) pre.attr('class', className);
    $(xmp).replaceWith(pre);
  });
}
