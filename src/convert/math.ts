/** A stretch of text that is TeX math typed by the author, to be kept byte for byte. */
export interface TextPiece {
  text: string;
  math: boolean;
}

// Pandoc's rule for `$…$`: the opening `$` has no space after it, the closing one no space before it and
// no digit after it, so prices (`$5 이고 $10`) are not math. `\$` is a literal dollar sign.
const MATH =
  /(?<!\\)\$\$(?!\$)[\s\S]+?(?<!\\)\$\$|(?<![\\$])\$(?![\s$])[^$]*?[^\s\\$]\$(?!\d)|(?<![\\$])\$[^\s$\\]\$(?!\d)/g;

/** Splits text into math (`$…$`, `$$…$$`) and the rest. */
export function splitMath(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(MATH)) {
    const at = match.index;
    if (at > last) pieces.push({ text: text.slice(last, at), math: false });
    pieces.push({ text: match[0], math: true });
    last = at + match[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), math: false });
  return pieces;
}
