// How deep a parse of some HTML would nest its elements, read from the source in one linear pass (see
// `scanTags`): whether it must be made shallower before it is parsed at all.

import { MAX_NESTING } from './limits.js';
import { scanTags } from './tag-scanner.js';

export const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'basefont',
  'bgsound',
  'frame',
]);
/** Start tags that close an open `<p>`, the implied end a parser adds most often. */
const CLOSES_P = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'ul',
  'li',
  'dd',
  'dt',
]);
/** Start tags that close an open sibling of theirs. */
const CLOSES_SIBLING: Readonly<Record<string, readonly string[]>> = {
  li: ['li'],
  dt: ['dt', 'dd'],
  dd: ['dt', 'dd'],
  option: ['option'],
  tr: ['td', 'th', 'tr'],
  td: ['td', 'th'],
  th: ['td', 'th'],
};

/** Whether a parse of `html` would nest elements deeper than `MAX_NESTING`. */
export function nestsTooDeep(html: string): boolean {
  return mayNestTooDeep(html) && sourceDepth(html) > MAX_NESTING;
}

/**
 * Closes what the start tag `name` implies the end of (an open `<p>`, a sibling item or cell), as far as the
 * open element on top (`current`) shows it; a parser looks further down, but these are the common cases.
 */
export function closeImplied(name: string, current: () => string, close: () => void): void {
  const closes = CLOSES_SIBLING[name];
  if (closes) while (closes.includes(current())) close();
  if (CLOSES_P.has(name) && current() === 'p') close();
}

/** Source with no more tags than the limit cannot nest past it. */
function mayNestTooDeep(html: string): boolean {
  let tags = 0;
  for (let index = html.indexOf('<'); index >= 0; index = html.indexOf('<', index + 1))
    if (++tags > MAX_NESTING) return true;
  return false;
}

function sourceDepth(html: string): number {
  const open: string[] = [''];
  const openCount = new Map<string, number>();
  let depth = 0;
  const close = () => {
    const name = open.pop()!;
    openCount.set(name, openCount.get(name)! - 1);
  };
  scanTags(html, {
    text() {},
    markup() {},
    startTag(name, _from, _to, _attributesFrom, selfClosing) {
      closeImplied(name, () => open[open.length - 1]!, close);
      // Inside `<svg>` or `<math>`, a `/>` closes the element it opens.
      if (VOID_ELEMENTS.has(name) || (selfClosing && (openCount.get('svg') || openCount.get('math')))) return;
      open.push(name);
      openCount.set(name, (openCount.get(name) ?? 0) + 1);
      depth = Math.max(depth, open.length - 1);
    },
    endTag(name) {
      // A stray end tag closes nothing; one of an open element closes it and whatever it holds still open.
      if (!openCount.get(name)) return;
      while (open[open.length - 1] !== name) close();
      close();
    },
  });
  return depth;
}
