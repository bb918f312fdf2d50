import type { CheerioAPI } from 'cheerio';

/**
 * Parsing drops a newline right after `<pre>`, and serialising does not put it back; the second parse
 * (turndown's) would then eat a blank first line of code. A newline in front keeps it.
 */
export function protectLeadingNewlines($: CheerioAPI): void {
  $('pre').each((_, pre) => {
    const first = pre.firstChild;
    if (first?.type === 'text' && first.data.startsWith('\n')) first.data = `\n${first.data}`;
  });
}
