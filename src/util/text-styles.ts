// The old editor styled text with CSS on spans and fonts (`<span style="FONT-WEIGHT: bold">`) where the new
// one writes `<b>`: the styles that carry meaning in Markdown, and the tag each stands for.

export const MEANINGFUL_STYLES: ReadonlyArray<{ tag: 'b' | 'i' | 's' | 'u'; pattern: RegExp }> = [
  { tag: 'b', pattern: /font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b/i },
  { tag: 'i', pattern: /font-style\s*:\s*(?:italic|oblique)\b/i },
  { tag: 's', pattern: /text-decoration(?:-line)?\s*:[^;]*\bline-through\b/i },
  { tag: 'u', pattern: /text-decoration(?:-line)?\s*:[^;]*\bunderline\b/i },
];
