import type { AnyNode } from 'domhandler';
import { capNesting } from './cap-nesting.js';
import { MAX_NESTING } from './limits.js';
import { mergeWrappers } from './merge-wrappers.js';
import { nestsDeeperThan } from './tree-edit.js';

export { MAX_NESTING } from './limits.js';
export { shallowerHtml } from './shallow-source.js';
export { nestsTooDeep } from './source-depth.js';

/**
 * A parsed page or body nested deeper than `MAX_NESTING` made shallow enough for every recursive library
 * call that follows (turndown, domino, cheerio's `.text()`, `.html()`, `.clone()`): redundant wrappers merged,
 * then what is still too deep unwrapped, its text and formatting kept. A shallower tree is left as it is.
 */
export function flattenDeepNesting(roots: readonly AnyNode[]): void {
  if (!nestsDeeperThan(roots, MAX_NESTING)) return;
  mergeWrappers(roots);
  capNesting(roots, MAX_NESTING);
}
