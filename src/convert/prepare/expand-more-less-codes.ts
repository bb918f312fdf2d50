// `[#M_더보기|접기|…hidden HTML…_M#]`: the old editor's collapsible block, written into the HTML as text.
// The hidden part is HTML and may span paragraphs, so this works on the markup, not on text nodes.
// The spaces around a code in running text would start the next line once the block is cut out.
const MORE_LESS_CODE = /[ \t]*\[#M_([^|<>]*)\|([^|<>]*)\|([\s\S]*?)_M#\][ \t]*/g;
// Code shows the codes rather than using them; it is set aside while the rest is rewritten.
const CODE_REGION = /<(pre|code|textarea|script|style)\b[\s\S]*?<\/\1\s*>/gi;
const PLACEHOLDER = /\uFDD1(\d+)\uFDD1/g;

/** Replaces old collapsible codes by `<details><summary>` around their content. */
export function expandMoreLessCodes(html: string): string {
  if (!html.includes('[#M_')) return html;
  const regions: string[] = [];
  const masked = html.replace(CODE_REGION, (region) => `\uFDD1${regions.push(region) - 1}\uFDD1`);
  const expanded = masked.replace(
    MORE_LESS_CODE,
    (_, more: string, _less: string, content: string) =>
      // The label is HTML text already (no `<` or `>` in it), so it goes in as it is.
      `<details><summary>${more.trim() || '더보기'}</summary>${content}</details>`,
  );
  return expanded.replace(PLACEHOLDER, (_, index: string) => regions[Number(index)] ?? '');
}
