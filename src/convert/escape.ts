// Escaping of text nodes. Turndown escapes each text node on its own, without knowing where on the line it
// sits, so escaping is split in two: characters that matter anywhere are escaped here, and text that
// would start a block (`# `, `- `, `1. `, `>`) only gets a mark; `resolveBlockStartMarks` later turns
// the mark into a backslash where the text really begins a line, and drops it elsewhere.

/** A Unicode noncharacter: it never occurs in real text (the input is cleaned of it). */
export const BLOCK_START_MARK = '\uFDD0';

const ASCII_PUNCTUATION = '!-\\/:-@\\[-`{-~';
const BACKSLASH_BEFORE_PUNCTUATION = new RegExp(`\\\\(?=[${ASCII_PUNCTUATION}]|$)`, 'g');
const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;
const BLOCK_START = /^(?:[-+=#>]|\d{1,9}[.)](?=\s|$)|~~~)/;

export function escapeMarkdownText(text: string): string {
  const escaped = escapeInline(text);
  return BLOCK_START.test(escaped) ? BLOCK_START_MARK + escaped : escaped;
}

/** Any character `escapeInline` may escape: most text of a post has none. */
const MAY_NEED_ESCAPING = /[\\`[\]*_~<&]/;

function escapeInline(text: string): string {
  if (!MAY_NEED_ESCAPING.test(text)) return text;
  return (
    text
      // First, so the backslashes added below are not escaped again. A backslash before a letter is literal.
      .replace(BACKSLASH_BEFORE_PUNCTUATION, '\\\\')
      .replace(/[`[\]]/g, '\\$&')
      // `2 * 3 = 6`: a star with spaces on both sides can neither open nor close emphasis.
      .replace(/\*+/g, (run, at: number, all: string) =>
        isSpace(all[at - 1]) && isSpace(all[at + run.length]) ? run : escapeEach(run),
      )
      // `snake_case`, `한글_단어`: an underscore inside a word cannot open or close emphasis.
      .replace(/_+/g, (run, at: number, all: string) =>
        isWordChar(all[at - 1]) && isWordChar(all[at + run.length]) ? run : escapeEach(run),
      )
      // `좋아요~~` is everyday Korean; tildes only matter where they could open strikethrough.
      .replace(/~+/g, (run, at: number, all: string) => {
        const next = all[at + run.length];
        return next === undefined || isSpace(next) ? run : escapeEach(run);
      })
      // Text about HTML (`<div>`, `&lt;`) must not turn into raw HTML or an entity.
      .replace(/<(?=[A-Za-z/!?])/g, '\\<')
      .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
  );
}

/** Replaces a block-start mark by the escape its text needs when the mark begins a line's content. */
export function resolveBlockStartMarks(line: string): string {
  if (!line.includes(BLOCK_START_MARK)) return line;
  const prefix = CONTAINER_PREFIX.exec(line)?.[0] ?? '';
  const rest = line.slice(prefix.length);
  const startsBlock = rest.startsWith(BLOCK_START_MARK);
  const cleaned = rest.split(BLOCK_START_MARK).join('');
  return prefix + (startsBlock ? escapeBlockStart(cleaned) : cleaned);
}

/** Indentation, blockquote markers and list markers: what may precede a block's first character. */
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-+*][ \t]|\d{1,9}[.)][ \t]))*[ \t]*/;

function escapeBlockStart(text: string): string {
  const ordered = /^(\d{1,9})([.)])/.exec(text);
  return ordered ? `${ordered[1]}\\${text.slice(ordered[1]!.length)}` : `\\${text}`;
}

function escapeEach(run: string): string {
  return run.replace(/./g, '\\$&');
}

function isSpace(char: string | undefined): boolean {
  return char !== undefined && SPACE.test(char);
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}
