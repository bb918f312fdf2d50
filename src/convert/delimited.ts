import { closestAncestor, type DomNode } from './dom.js';
import { BLOCK_START_MARK } from './escape.js';
import {
  backslashesBefore,
  type Edge,
  edgePunctuation,
  escapeMovedText,
  markdownEdgeLength,
} from './edge-punctuation.js';
import { inlineNeighbour } from './inline-neighbour.js';

const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /\s/u;

/** Some of the punctuation at an edge of the emphasis: how many characters, and their Markdown's length. */
interface EdgeMove {
  raw: string;
  length: number;
}

/** What sits on either side of a chunk of emphasised Markdown. */
interface ChunkSurroundings {
  /** Characters just outside the element; `undefined` is a line edge. */
  before: string | undefined;
  after: string | undefined;
  /** The ways to move punctuation out at each edge, the first moving nothing. */
  leads: EdgeMove[];
  trails: EdgeMove[];
}

// Pairs a reader expects to see whole, inside or outside the emphasis.
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
  ['“', '”'],
  ['‘', '’'],
  ['「', '」'],
  ['『', '』'],
  ['〈', '〉'],
  ['《', '》'],
  ['【', '】'],
  ['（', '）'],
  ['"', '"'],
  ["'", "'"],
];

/**
 * Wraps inline Markdown in emphasis-like delimiters (`**`, `*`, `~~`). CommonMark ignores a delimiter
 * that has punctuation inside and a letter outside — everyday Korean, as in `“**스택”**을` — so there
 * the punctuation at the edge moves outside the delimiters (`“**스택**”을`, `(**괄호**)다`). Where that
 * cannot help either (emphasis that is all punctuation, between letters), the HTML tag is used, which
 * every renderer honours.
 */
export function wrapInline(
  content: string,
  node: DomNode,
  delimiter: string,
  htmlTag: string,
  sameTags: readonly string[],
): string {
  // Nothing to emphasise: whitespace, or only line breaks (`<b><br></b>`).
  if (!content.replace(/\\\n/g, '').trim()) return content;
  // Nested <b><b>…</b></b> would produce `****`, which is no emphasis at all.
  if (closestAncestor(node, sameTags)) return content;
  const before = charOf(inlineNeighbour(node, 'previous', false));
  const after = charOf(inlineNeighbour(node, 'next', false));
  const lead = edgePunctuation(node, 'start');
  const trail = edgePunctuation(node, 'end');
  // Paragraph breaks inside (from `<br><br>` runs) would cut the emphasis; wrap each paragraph alone.
  const chunks = content.split(/\n{2,}/);
  return chunks
    .map((chunk, index) => {
      if (!chunk.trim()) return chunk;
      const first = index === 0;
      const last = index === chunks.length - 1;
      const surroundings: ChunkSurroundings = {
        before: first ? before : undefined,
        after: last ? after : undefined,
        leads: edgeMoves(chunk, first ? lead : '', 'start'),
        trails: edgeMoves(chunk, last ? trail : '', 'end'),
      };
      return delimit(chunk, surroundings, delimiter) ?? `<${htmlTag}>${chunk}</${htmlTag}>`;
    })
    .join('\n\n');
}

/** The parts of the edge's punctuation that could move out: none, the one character nearest the edge, two, … */
function edgeMoves(chunk: string, run: string, edge: Edge): EdgeMove[] {
  const chars = Array.from(run);
  const moves: EdgeMove[] = [{ raw: '', length: 0 }];
  for (let count = 1; count <= chars.length; count++) {
    const raw = (edge === 'start' ? chars.slice(0, count) : chars.slice(chars.length - count)).join('');
    const length = markdownEdgeLength(chunk, raw, edge);
    if (length > 0) moves.push({ raw, length });
  }
  return moves;
}

/**
 * The chunk delimited, as the author marked it when that renders. Otherwise with punctuation moved out:
 * preferably so that pairs such as `(…)` and `“…”` stay whole on one side, then moving the fewest
 * characters. Null when nothing renders.
 */
function delimit(chunk: string, { before, after, leads, trails }: ChunkSurroundings, delimiter: string): string | null {
  let best: Candidate | null = null;
  for (const lead of leads) {
    for (const trail of trails) {
      const start = lead.length;
      const end = chunk.length - trail.length;
      if (start >= end) continue;
      const inner = chunk.slice(start, end);
      const outerBefore = lead.raw ? lead.raw.charAt(lead.raw.length - 1) : before;
      const outerAfter = trail.raw ? Array.from(trail.raw)[0] : after;
      if (!canDelimit(inner, outerBefore, outerAfter, delimiter) || touchesDelimiter(inner, delimiter)) continue;
      const opening = lead.raw ? escapeMovedText(chunk.slice(0, start), 'start') : '';
      const closing = trail.raw ? escapeMovedText(chunk.slice(end), 'end') : '';
      const text = `${opening}${delimiter}${inner}${delimiter}${closing}`;
      if (!lead.raw && !trail.raw) return text;
      const candidate = { text, balanced: isBalanced(inner), moved: Array.from(lead.raw + trail.raw).length };
      if (!best || isBetter(candidate, best)) best = candidate;
    }
  }
  return best?.text ?? null;
}

interface Candidate {
  text: string;
  /** Whether the emphasised text holds whole pairs only. */
  balanced: boolean;
  /** Characters moved out. */
  moved: number;
}

function isBetter(candidate: Candidate, best: Candidate): boolean {
  if (candidate.balanced !== best.balanced) return candidate.balanced;
  return candidate.moved < best.moved;
}

/** Every pair's opening and closing characters are equal in number. */
function isBalanced(text: string): boolean {
  return PAIRS.every(([open, close]) =>
    open === close ? count(text, open) % 2 === 0 : count(text, open) === count(text, close),
  );
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
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
function canDelimit(chunk: string, before: string | undefined, after: string | undefined, delimiter: string): boolean {
  // A block-start mark is dropped, or becomes a backslash at a line start, where anything may open.
  const inner = chunk.split(BLOCK_START_MARK).join('');
  if (!inner || WHITESPACE.test(inner.charAt(0)) || WHITESPACE.test(inner.charAt(inner.length - 1))) return false;
  // Nested emphasis at the edge (`*` + `**굵게**` + `*`) joins the delimiter into one run, `***`: what
  // counts is the character past that run.
  const { first, last } = pastNestedDelimiters(inner, delimiter.charAt(0));
  if (!first || !last) return false;
  const opens = !PUNCTUATION.test(first) || isSpaceOrPunctuation(before);
  const closes = !PUNCTUATION.test(last) || isSpaceOrPunctuation(after);
  return opens && closes;
}

function isSpaceOrPunctuation(char: string | undefined): boolean {
  return char === undefined || WHITESPACE.test(char) || PUNCTUATION.test(char);
}

/** The first and last characters of the text past unescaped runs of the delimiter's character. */
function pastNestedDelimiters(inner: string, char: string): { first: string; last: string } {
  let start = 0;
  while (inner[start] === char) start++;
  let end = inner.length;
  while (end > start && inner[end - 1] === char && backslashesBefore(inner, end - 1) % 2 === 0) end--;
  return { first: inner.charAt(start), last: inner.charAt(end - 1) };
}
