import { MEANINGFUL_STYLES } from '../text-styles.js';

// What an element does to its text in Markdown, as bits: formatting already in force above an element adds
// nothing when the element says it again.
const BOLD = 1;
const ITALIC = 2;
const STRIKE = 4;
const UNDERLINE = 8;
const LINK = 16;
const CODE = 32;
const SUBSCRIPT = 64;
const SUPERSCRIPT = 128;

const TAG_FORMATS: Readonly<Record<string, number>> = {
  b: BOLD,
  strong: BOLD,
  i: ITALIC,
  em: ITALIC,
  s: STRIKE,
  strike: STRIKE,
  del: STRIKE,
  u: UNDERLINE,
  ins: UNDERLINE,
  a: LINK,
  code: CODE,
  kbd: CODE,
  samp: CODE,
  pre: CODE,
  sub: SUBSCRIPT,
  sup: SUPERSCRIPT,
};
const STYLE_FORMATS: Readonly<Record<string, number>> = { b: BOLD, i: ITALIC, s: STRIKE, u: UNDERLINE };
/**
 * Elements that only format text: one whose formatting is already in force adds nothing and can go, and
 * one inside an identical one repeats it.
 */
export const INLINE_WRAPPERS: ReadonlySet<string> = new Set([
  'span',
  'font',
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'strike',
  'del',
  'ins',
]);
/** Wrappers whose nesting in one another repeats, rather than adds to, what the outer one does. */
export const WRAPPERS: ReadonlySet<string> = new Set(['div', 'center', ...INLINE_WRAPPERS]);

/** The formatting of element `name`; `style` is its style attribute (or source holding it), read for spans and fonts. */
export function formatsOf(name: string, style: string | undefined): number {
  let formats = TAG_FORMATS[name] ?? 0;
  if (style && (name === 'span' || name === 'font')) {
    for (const { tag, pattern } of MEANINGFUL_STYLES) if (pattern.test(style)) formats |= STYLE_FORMATS[tag]!;
  }
  return formats;
}

/** Whether element `name` with `formats` may go where `inForce` is already applied: it would change nothing. */
export function addsNoFormatting(name: string, formats: number, inForce: number): boolean {
  return formats !== 0 && INLINE_WRAPPERS.has(name) && (formats & ~inForce) === 0;
}
