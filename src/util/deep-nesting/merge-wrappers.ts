import type { AnyNode, Element, ParentNode } from 'domhandler';
import { INLINE_WRAPPERS, WRAPPERS } from './formats.js';
import { dissolving, hasChildren, isElement, setChildren } from './tree-edit.js';

/** Without attributes these say nothing at all. */
const MEANINGLESS_BARE = new Set(['span', 'font']);

/**
 * Removes the wrapper levels that add nothing, from the top down, without recursion: a bare span or font; an
 * inline wrapper inside an identical one; a wrapper that is the only content (besides spaces) of one of the
 * same kind, when one of the two is bare or both are the same (the one with attributes stays). The same rule
 * `shallowerHtml` applies to source, for trees it could not see as such. Mutates the tree.
 */
export function mergeWrappers(roots: readonly AnyNode[]): void {
  const stack: ParentNode[] = roots.filter(hasChildren);
  while (stack.length > 0) {
    const parent = stack.pop()!;
    const redundant = (element: Element) => isRedundant(element, parent);
    let children = dissolving(parent.children, redundant);
    if (isElement(parent) && WRAPPERS.has(parent.name)) {
      for (let only = onlyElement(children); only?.name === parent.name; only = onlyElement(children)) {
        if (!isBare(only) && !sameAttributes(only, parent)) {
          if (!isBare(parent)) break;
          parent.attribs = only.attribs;
        }
        const inner = only;
        children = dissolving(children, (element) => element === inner || redundant(element));
      }
    }
    setChildren(parent, children);
    for (const child of children) if (hasChildren(child)) stack.push(child);
  }
}

function isRedundant(element: Element, parent: ParentNode): boolean {
  if (element.type !== 'tag') return false;
  if (MEANINGLESS_BARE.has(element.name) && isBare(element)) return true;
  return (
    INLINE_WRAPPERS.has(element.name) &&
    isElement(parent) &&
    parent.name === element.name &&
    sameAttributes(element, parent)
  );
}

function isBare(element: Element): boolean {
  return Object.keys(element.attribs).length === 0;
}

function sameAttributes(a: Element, b: Element): boolean {
  const names = Object.keys(a.attribs);
  return names.length === Object.keys(b.attribs).length && names.every((name) => b.attribs[name] === a.attribs[name]);
}

/** The one element among `nodes` when everything else is blank text. */
function onlyElement(nodes: readonly AnyNode[]): Element | null {
  let only: Element | null = null;
  for (const node of nodes) {
    if (node.type === 'text' && !/[^ \t\n\f\r]/.test(node.data)) continue;
    if (node.type !== 'tag' || only) return null;
    only = node as Element;
  }
  return only;
}
