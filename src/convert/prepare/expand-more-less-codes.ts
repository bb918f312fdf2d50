// `[#M_더보기|접기|…hidden HTML…_M#]`: the old editor's collapsible block, written into the HTML as text.
// The hidden part is HTML and may span paragraphs, so this works on the markup, not on text nodes.
// The spaces around a code in running text would start the next line once the block is cut out. The
// content holds no other opening code: nested blocks are expanded from the innermost out.
const MORE_LESS_CODE = /[ \t]*\[#M_([^|<>]*)\|([^|<>]*)\|((?:(?!\[#M_)[\s\S])*?)_M#\][ \t]*/g;
// Many codes close with a separator, `…|_M#]`, often with the paragraph's tags between the two: the
// separator is not part of the hidden text.
const CLOSING_SEPARATOR = /\|((?:\s|<[^<>]*>)*)$/;
// Code shows the codes rather than using them; it is set aside while the rest is rewritten.
const CODE_REGION = /<(pre|code|xmp|textarea|script|style)\b[\s\S]*?<\/\1\s*>/gi;
const PLACEHOLDER = /\uFDD1(\d+)\uFDD1/g;

/** Replaces old collapsible codes by `<details><summary>` around their content. */
export function expandMoreLessCodes(html: string): string {
  if (!html.includes('[#M_')) return html;
  const regions: string[] = [];
  let expanded = html.replace(CODE_REGION, (region) => `\uFDD1${regions.push(region) - 1}\uFDD1`);
  for (let previous = ''; previous !== expanded; ) {
    previous = expanded;
    expanded = expanded.replace(
      MORE_LESS_CODE,
      (_, more: string, _less: string, content: string) =>
        // The label is HTML text already (no `<` or `>` in it), so it goes in as it is.
        `<details><summary>${more.trim() || '더보기'}</summary>${content.replace(CLOSING_SEPARATOR, '$1').trim()}</details>`,
    );
  }
  return expanded.replace(PLACEHOLDER, (_, index: string) => regions[Number(index)] ?? '');
}
