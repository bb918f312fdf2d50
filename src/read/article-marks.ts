/**
 * Facts the Tistory platform writes into the head of every post page, whatever the skin: `og:title`,
 * `article:txid`, `article:published_time` and the `T.entryInfo` script. A 200 page with none of them
 * (a maintenance or placeholder page, an error page a proxy serves) is not the post, even when it has
 * a `.contents_style` box to extract.
 */
const HEAD_FACT = /<meta\b[^>]*?\bproperty\s*=\s*["']?(?:og:title|article:txid|article:published_time)["'\s/>]/i;
const ENTRY_INFO = /\bT\.entryInfo\s*=/;

/** Only the head is searched: a post's own text may quote these names, a placeholder's head never has them. */
export function statesAPost(html: string): boolean {
  const headEnd = html.search(/<\/head\s*>/i);
  const head = headEnd < 0 ? html : html.slice(0, headEnd);
  return HEAD_FACT.test(head) || ENTRY_INFO.test(head);
}
