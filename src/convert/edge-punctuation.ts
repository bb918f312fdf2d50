import { BLOCK_START_MARK } from './escape.js';
import { type DomNode, isElement, isText } from './dom.js';

export type Edge = 'start' | 'end';

// Inline elements turndown writes as their bare content: their text is the text at the element's edge.
const TRANSPARENT = new Set(['SPAN', 'FONT', 'SMALL', 'BIG', 'MARK', 'ABBR']);
const LEADING_RUN = /^[\p{P}\p{S}][\p{P}\p{S}\s]*/u;
const TRAILING_RUN = /[\p{P}\p{S}\s]*[\p{P}\p{S}]$/u;
const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]$/;
// Characters whose meaning depends on what is next to them: once moved they are escaped.
const CONTEXT_SENSITIVE = new Set(['\\', '*', '_', '~']);

/**
 * The punctuation at one edge of an element's text, as the text has it (`“` of `<b>“스택”</b>`), spaces
 * inside the run included; empty when the element does not begin (end) with its own text, say with a
 * link or an image, whose Markdown starts with syntax rather than with the text.
 */
export function edgePunctuation(element: DomNode, edge: Edge): string {
  const text = edgeText(element, edge);
  if (text === null) return '';
  const run = edge === 'start' ? LEADING_RUN.exec(text.trimStart()) : TRAILING_RUN.exec(text.trimEnd());
  return run?.[0] ?? '';
}

function edgeText(element: DomNode, edge: Edge): string | null {
  let current = element;
  for (;;) {
    const children = Array.from(current.childNodes).filter((child) => !isBlank(child));
    const child = edge === 'start' ? children[0] : children[children.length - 1];
    if (!child) return null;
    if (isText(child)) return child.nodeValue ?? '';
    if (!isElement(child) || !TRANSPARENT.has(child.nodeName)) return null;
    current = child;
  }
}

/** Text or a styling wrapper that adds nothing to the Markdown. */
function isBlank(node: DomNode): boolean {
  if (isText(node)) return !/\S/.test(node.nodeValue ?? '');
  if (!isElement(node) || !TRANSPARENT.has(node.nodeName)) return false;
  return Array.from(node.childNodes).every(isBlank);
}

/**
 * How many characters at the `edge` of `markdown` spell the raw text `raw`: escapes (`\[`) and block-start
 * marks included. -1 when the Markdown does not begin (end) with it.
 */
export function markdownEdgeLength(markdown: string, raw: string, edge: Edge): number {
  const chars = Array.from(raw);
  if (edge === 'start') {
    let at = 0;
    for (const char of chars) {
      while (markdown.startsWith(BLOCK_START_MARK, at)) at += BLOCK_START_MARK.length;
      if (markdown[at] === '\\' && ASCII_PUNCTUATION.test(char) && markdown.startsWith(char, at + 1))
        at += 1 + char.length;
      else if (markdown.startsWith(char, at)) at += char.length;
      else return -1;
    }
    return at;
  }
  let end = markdown.length;
  for (const char of chars.reverse()) {
    if (!markdown.endsWith(char, end)) return -1;
    end -= char.length;
    // A backslash before it escapes it when the backslashes before it are odd in number.
    if (ASCII_PUNCTUATION.test(char) && backslashesBefore(markdown, end) % 2 === 1) end -= 1;
    while (markdown.endsWith(BLOCK_START_MARK, end)) end -= BLOCK_START_MARK.length;
  }
  return markdown.length - end;
}

/** How many backslashes stand right before `at`; an odd number escapes the character there. */
export function backslashesBefore(text: string, at: number): number {
  let count = 0;
  while (at - count - 1 >= 0 && text[at - count - 1] === '\\') count++;
  return count;
}

/**
 * Escaped text moved out of emphasis, made safe for its new neighbours: an unescaped `\`, `*`, `_` or `~`
 * was left so only for the characters it had beside it, and a `!` at the end could start an image with
 * a link that follows it.
 */
export function escapeMovedText(markdown: string, edge: Edge): string {
  let result = '';
  for (let at = 0; at < markdown.length; at++) {
    const char = markdown[at]!;
    if (char === '\\' && ASCII_PUNCTUATION.test(markdown[at + 1] ?? '')) {
      result += char + markdown[at + 1];
      at++;
    } else if (CONTEXT_SENSITIVE.has(char) || (char === '!' && edge === 'end' && at === markdown.length - 1)) {
      result += `\\${char}`;
    } else {
      result += char;
    }
  }
  return result;
}
