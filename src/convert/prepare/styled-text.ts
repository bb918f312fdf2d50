import type { CheerioAPI } from 'cheerio';

// The old editor styled text with CSS on spans and fonts (`<span style="FONT-WEIGHT: bold">`) where the new
// one writes `<b>`; the styles that carry meaning become the tags the rules know.
const STYLES: ReadonlyArray<{ tag: string; pattern: RegExp }> = [
  { tag: 'b', pattern: /font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b/i },
  { tag: 'i', pattern: /font-style\s*:\s*(?:italic|oblique)\b/i },
  { tag: 's', pattern: /text-decoration(?:-line)?\s*:[^;]*\bline-through\b/i },
  { tag: 'u', pattern: /text-decoration(?:-line)?\s*:[^;]*\bunderline\b/i },
];

export function styledTextToTags($: CheerioAPI): void {
  $('span[style], font[style]').each((_, element) => {
    const style = $(element).attr('style') ?? '';
    for (const { tag, pattern } of STYLES) if (pattern.test(style)) $(element).wrapInner(`<${tag}></${tag}>`);
  });
}
