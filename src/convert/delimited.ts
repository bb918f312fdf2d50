import { closestAncestor, type DomNode } from './dom.js';
import { inlineNeighbour } from './inline-neighbour.js';

const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /\s/u;

/**
 * Wraps inline Markdown in emphasis-like delimiters (`**`, `*`, `~~`). CommonMark ignores a delimiter
 * that has punctuation inside and a letter outside — everyday Korean, as in `**'파이썬'**은` — so there
 * the HTML tag is used instead, which every renderer honours.
 */
export function wrapInline(content: string, node: DomNode, delimiter: string, htmlTag: string, sameTags: readonly string[]): string {
  // Nothing to emphasise: whitespace, or only line breaks (`<b><br></b>`).
  if (!content.replace(/\\\n/g, '').trim()) return content;
  // Nested <b><b>…</b></b> would produce `****`, which is no emphasis at all.
  if (closestAncestor(node, sameTags)) return content;
  const before = charOf(inlineNeighbour(node, 'previous', false));
  const after = charOf(inlineNeighbour(node, 'next', false));
  // Paragraph breaks inside (from `<br><br>` runs) would cut the emphasis; wrap each paragraph alone.
  const chunks = content.split(/\n{2,}/);
  return chunks
    .map((chunk, index) => {
      if (!chunk.trim()) return chunk;
      const outerBefore = index === 0 ? before : undefined;
      const outerAfter = index === chunks.length - 1 ? after : undefined;
      return canDelimit(chunk, outerBefore, outerAfter) && !touchesDelimiter(chunk, delimiter)
        ? `${delimiter}${chunk}${delimiter}`
        : `<${htmlTag}>${chunk}</${htmlTag}>`;
    })
    .join('\n\n');
}

/**
 * A strikethrough whose text begins or ends with a tilde (`~ 환경`, `좋아요~`): the escaper leaves such
 * tildes alone (they cannot open anything by themselves), but next to `~~` they lengthen the run, and
 * `~~~ 환경~~` is no strikethrough: at a line start it opens a code fence that swallows the rest of the
 * post. Stars and underscores of the text are always escaped, so a star there is nested emphasis.
 */
function touchesDelimiter(chunk: string, delimiter: string): boolean {
  return delimiter === '~~' && (chunk.startsWith('~') || chunk.endsWith('~'));
}

function charOf(neighbour: ReturnType<typeof inlineNeighbour>): string | undefined {
  return neighbour.kind === 'content' ? neighbour.char : undefined;
}

/** Left-flanking opener and right-flanking closer, per the CommonMark spec; `undefined` is a line edge. */
function canDelimit(inner: string, before: string | undefined, after: string | undefined): boolean {
  const first = inner.charAt(0);
  const last = inner.charAt(inner.length - 1);
  if (WHITESPACE.test(first) || WHITESPACE.test(last)) return false;
  const opens = !PUNCTUATION.test(first) || isSpaceOrPunctuation(before);
  const closes = !PUNCTUATION.test(last) || isSpaceOrPunctuation(after);
  return opens && closes;
}

function isSpaceOrPunctuation(char: string | undefined): boolean {
  return char === undefined || WHITESPACE.test(char) || PUNCTUATION.test(char);
}
