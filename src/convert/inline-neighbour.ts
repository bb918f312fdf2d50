import { type DomNode, isBlockElement, isElement, isText } from './dom.js';

/**
 * What sits right before or after a node on the same line of text: the end of its block (`edge`), a
 * `<br>` (`break`), or some content and its nearest character.
 */
export type InlineNeighbour = { kind: 'edge' } | { kind: 'break' } | { kind: 'content'; char: string };

export type Direction = 'previous' | 'next';

const EDGE: InlineNeighbour = { kind: 'edge' };
const BREAK: InlineNeighbour = { kind: 'break' };
// Elements that render as something (an image, a player) though they hold no text. The character stands
// for the Markdown they become: `![…](…)` starts with `!` and ends with `)`.
const EMBEDDED = new Set(['IMG', 'IFRAME', 'VIDEO', 'AUDIO', 'INPUT', 'SVG', 'CANVAS', 'OBJECT', 'EMBED']);

/**
 * @param skipSpace treat whitespace-only text as nothing (for line breaks), rather than as a space
 *   character (for emphasis delimiters, whose meaning depends on the space next to them).
 */
export function inlineNeighbour(node: DomNode, direction: Direction, skipSpace: boolean): InlineNeighbour {
  let current = node;
  for (;;) {
    const sibling = direction === 'next' ? current.nextSibling : current.previousSibling;
    if (!sibling) {
      const parent = current.parentNode;
      if (!parent || isBlockElement(parent)) return EDGE;
      current = parent;
      continue;
    }
    const found = firstInFlow(sibling, direction, skipSpace);
    if (found) return found;
    current = sibling;
  }
}

function firstInFlow(node: DomNode, direction: Direction, skipSpace: boolean): InlineNeighbour | null {
  if (isText(node)) {
    const text = node.nodeValue ?? '';
    if (!text || (skipSpace && !/\S/.test(text))) return null;
    return { kind: 'content', char: direction === 'next' ? text.charAt(0) : text.charAt(text.length - 1) };
  }
  if (!isElement(node)) return null;
  if (node.nodeName === 'BR') return BREAK;
  if (isBlockElement(node)) return EDGE;
  if (EMBEDDED.has(node.nodeName)) return { kind: 'content', char: direction === 'next' ? '!' : ')' };
  const children = Array.from(node.childNodes);
  if (direction === 'previous') children.reverse();
  for (const child of children) {
    const found = firstInFlow(child, direction, skipSpace);
    if (found) return found;
  }
  return null;
}
