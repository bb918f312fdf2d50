import type { AnyNode, Element } from 'domhandler';

// Whole-tree passes over a located body. Cheerio's `find('*')` and `.contents()` de-duplicate their
// results pairwise, which takes minutes on a 10 MB page; a plain walk takes milliseconds. The walk is
// iterative, so a page nested 100 000 levels deep cannot overflow the stack.

/** Every node below `roots` (not the roots themselves), in document order. */
export function descendantsOf(roots: readonly AnyNode[]): AnyNode[] {
  const found: AnyNode[] = [];
  const stack: AnyNode[] = [];
  for (let index = roots.length - 1; index >= 0; index--) pushChildren(stack, roots[index]!);
  while (stack.length > 0) {
    const node = stack.pop()!;
    found.push(node);
    pushChildren(stack, node);
  }
  return found;
}

/** Whether any node below `roots` passes `test`; stops at the first that does. */
export function someDescendant(roots: readonly AnyNode[], test: (node: AnyNode) => boolean): boolean {
  const stack: AnyNode[] = [];
  for (let index = roots.length - 1; index >= 0; index--) pushChildren(stack, roots[index]!);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (test(node)) return true;
    pushChildren(stack, node);
  }
  return false;
}

function pushChildren(stack: AnyNode[], node: AnyNode): void {
  if (!('children' in node)) return;
  for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!);
}

/** The nearest ancestor element (not the node itself) named `name`, with class `className` when given. */
export function closestAncestor(node: AnyNode, name: string, className?: string): Element | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'tag' && current.name === name && (className === undefined || hasClass(current, className)))
      return current;
  }
  return null;
}

/** The node's parent when it is an element named `name`. */
export function parentNamed(node: AnyNode, name: string): Element | null {
  const parent = node.parent;
  return parent?.type === 'tag' && parent.name === name ? parent : null;
}

function hasClass(element: Element, className: string): boolean {
  return (element.attribs['class'] ?? '').split(/\s+/).includes(className);
}

/** Detaches one node from its parent and siblings (what cheerio's `.remove()` does, for a single node). */
export function removeNode(node: AnyNode): void {
  const parent = node.parent;
  if (parent) {
    const index = parent.children.indexOf(node);
    if (index >= 0) parent.children.splice(index, 1);
  }
  if (node.prev) node.prev.next = node.next;
  if (node.next) node.next.prev = node.prev;
  node.parent = null;
  node.prev = null;
  node.next = null;
}
