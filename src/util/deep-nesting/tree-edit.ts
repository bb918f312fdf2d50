import type { AnyNode, Element, ParentNode } from 'domhandler';

// Small edits of a domhandler tree that keep its links (parent, prev, next) whole. Whole child lists are
// rebuilt at once: splicing children out one at a time costs a copy of the list each.

export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

export function hasChildren(node: AnyNode): node is ParentNode {
  return 'children' in node && node.children.length > 0;
}

/** Makes `children` the children of `parent`, in that order. */
export function setChildren(parent: ParentNode, children: AnyNode[]): void {
  parent.children = children;
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    child.parent = parent;
    child.prev = children[index - 1] ?? null;
    child.next = children[index + 1] ?? null;
  }
}

/** Where the content of a dissolved block ended or began. */
const BLOCK_EDGE = Symbol('block edge');

/**
 * `nodes` with every element `dissolves` accepts replaced by its children (which are asked in turn), and
 * text that comes together joined into one node, as a parse of the result would leave it. The content of a
 * dissolved element `setsApart` accepts (a block) is kept a space away from its neighbours, so the words of
 * two paragraphs do not run together.
 */
export function dissolving(
  nodes: readonly AnyNode[],
  dissolves: (element: Element) => boolean,
  setsApart: (element: Element) => boolean = () => false,
): AnyNode[] {
  const kept: AnyNode[] = [];
  const work: Array<AnyNode | typeof BLOCK_EDGE> = nodes.slice().reverse();
  let atEdge = false;
  while (work.length > 0) {
    const node = work.pop()!;
    if (node === BLOCK_EDGE) {
      atEdge = true;
      continue;
    }
    if (isElement(node) && dissolves(node)) {
      const apart = setsApart(node);
      if (apart) work.push(BLOCK_EDGE);
      for (let index = node.children.length - 1; index >= 0; index--) work.push(node.children[index]!);
      if (apart) work.push(BLOCK_EDGE);
      continue;
    }
    const last = kept[kept.length - 1];
    if (atEdge && last) spaceBetween(last, node);
    atEdge = false;
    if (node.type === 'text' && last?.type === 'text') last.data += node.data;
    else kept.push(node);
  }
  return kept;
}

/** A space at the end of `before` or the start of `after`, when neither has one; two elements stay as they are. */
function spaceBetween(before: AnyNode, after: AnyNode): void {
  if (before.type === 'text') {
    if (!/\s$/.test(before.data) && !(after.type === 'text' && /^\s/.test(after.data))) before.data += ' ';
  } else if (after.type === 'text' && !/^\s/.test(after.data)) {
    after.data = ` ${after.data}`;
  }
}

/** Whether anything below `roots` sits more than `limit` levels down (their children are one level down). */
export function nestsDeeperThan(roots: readonly AnyNode[], limit: number): boolean {
  const nodes: AnyNode[] = [...roots];
  const depths: number[] = roots.map(() => 0);
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    if (depth > limit) return true;
    if (!('children' in node)) continue;
    for (const child of node.children) {
      nodes.push(child);
      depths.push(depth + 1);
    }
  }
  return false;
}
