// A tiny version of Tistory's skin renderer: `<s_name>…</s_name>` blocks and `[##_code_##]` substitutions.

const CODE = /\[##_([a-z0-9_]+)_##\]/g;
const ANY_BLOCK_TAG = /<\/?s_[a-z0-9_]+>/g;

export type CodeValues = Readonly<Record<string, string>>;

function blockPattern(name: string): RegExp {
  return new RegExp(`<s_${name}>([\\s\\S]*?)</s_${name}>`, 'g');
}

/** Replaces every `<s_name>` block by what `render` makes of its inner template. */
export function renderBlock(template: string, name: string, render: (inner: string) => string): string {
  return template.replace(blockPattern(name), (_block, inner: string) => render(inner));
}

export function showBlock(template: string, name: string, shown: boolean): string {
  return renderBlock(template, name, (inner) => (shown ? inner : ''));
}

/** A `_rep` block: its inner template once per item, each filled with that item's codes. */
export function repeatBlock(template: string, name: string, items: readonly CodeValues[]): string {
  return renderBlock(template, name, (inner) => items.map((values) => fillCodes(inner, values)).join(''));
}

/** Fills the codes it knows and leaves the others for a later pass. */
export function fillCodes(template: string, values: CodeValues): string {
  return template.replace(CODE, (code, name: string) => values[name] ?? code);
}

/**
 * The last pass: unwraps the blocks still standing and fills every code, unknown ones with nothing
 * (as Tistory does). One pass only, so a post body that itself contains `[##_…_##]` text (old posts
 * do) comes out untouched.
 */
export function finishPage(template: string, values: CodeValues): string {
  return template.replace(ANY_BLOCK_TAG, '').replace(CODE, (_code, name: string) => values[name] ?? '');
}
