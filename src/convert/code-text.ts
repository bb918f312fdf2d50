import { type DomNode, isBlockElement, isElement, isText } from './dom.js';

/**
 * The text of code as the reader saw it: `<br>` and line-wrapping elements (some highlighters put each
 * line in a `<div>` or `<li>`) become newlines; markup inside is dropped; entities are already decoded.
 */
export function codeText(node: DomNode): string {
  let text = '';
  for (const child of Array.from(node.childNodes)) {
    if (isText(child)) text += child.nodeValue ?? '';
    else if (isElement(child) && child.nodeName === 'BR') text += '\n';
    else if (isElement(child)) {
      const block = isBlockElement(child);
      if (block && text && !text.endsWith('\n')) text += '\n';
      text += codeText(child);
      if (block && !text.endsWith('\n')) text += '\n';
    }
  }
  return text;
}

/** The longest run of backticks in the text, so a delimiter can be longer. */
export function longestBacktickRun(text: string): number {
  return Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
}
