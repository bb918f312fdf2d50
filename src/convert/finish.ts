import { resolveBlockStartMarks } from './escape.js';

interface Fence {
  char: string;
  length: number;
}

const FENCE_OPEN = /^(?:[ \t]*>)*[ \t]*(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^(?:[ \t]*>)*[ \t]*(`{3,}|~{3,})[ \t]*$/;
// A line that is blank, or blank inside a blockquote.
const BLANK = /^[> \t]*$/;

/**
 * Final clean-up of turndown's output, line by line, leaving fenced code untouched: block-start escapes,
 * no trailing spaces, at most one blank line in a row, no blank lines at either end.
 */
export function finishMarkdown(markdown: string): string {
  const output: string[] = [];
  let fence: Fence | null = null;
  for (const rawLine of markdown.split('\n')) {
    if (fence) {
      output.push(rawLine);
      if (closesFence(rawLine, fence)) fence = null;
      continue;
    }
    const line = resolveBlockStartMarks(rawLine).trimEnd();
    fence = opensFence(line);
    const previous = output[output.length - 1];
    if (!fence && BLANK.test(line) && previous !== undefined && line === previous) continue;
    output.push(line);
  }
  return output.join('\n').replace(/^\n+|\n+$/g, '');
}

function opensFence(line: string): Fence | null {
  const match = FENCE_OPEN.exec(line);
  if (!match) return null;
  const marker = match[1]!;
  const char = marker.charAt(0);
  // A backtick fence's info string cannot hold a backtick: such a line is inline code, not a fence.
  if (char === '`' && match[2]!.includes('`')) return null;
  return { char, length: marker.length };
}

function closesFence(line: string, fence: Fence): boolean {
  const marker = FENCE_CLOSE.exec(line)?.[1];
  return marker !== undefined && marker.charAt(0) === fence.char && marker.length >= fence.length;
}
