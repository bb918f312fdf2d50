import type { AnyNode, Element } from 'domhandler';
import { formatsOf } from './formats.js';
import { dissolving, hasChildren, setChildren } from './tree-edit.js';

/** Blocks: what they hold stays a space away from what surrounds them once they are gone. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
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
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);
/** Elements whose content is not prose: taking the element away would show its text as if it were. */
const WHOLE = new Set([
  'textarea',
  'xmp',
  'title',
  'noscript',
  'template',
  'iframe',
  'noembed',
  'noframes',
  'select',
  'svg',
  'math',
]);

/**
 * Last resort for nesting that no wrapper merge removes (quotes in quotes, alternating spans and fonts):
 * below `limit` levels, elements give way to their children, except those that bring formatting not yet in
 * force (bold, a link, code, …), which stay, once each. All text stays. Mutates the tree.
 */
export function capNesting(roots: readonly AnyNode[], limit: number): void {
  const stack: Array<{ node: AnyNode; depth: number; formats: number }> = roots.map((node) => ({
    node,
    depth: 0,
    formats: 0,
  }));
  while (stack.length > 0) {
    const { node, depth, formats } = stack.pop()!;
    if (!hasChildren(node)) continue;
    if (depth >= limit) {
      setChildren(
        node,
        dissolving(
          node.children,
          (element) => !keptBelowLimit(element, formats),
          (element) => BLOCKS.has(element.name),
        ),
      );
    }
    for (const child of node.children) {
      if (hasChildren(child)) stack.push({ node: child, depth: depth + 1, formats: formats | formatsOfNode(child) });
    }
  }
}

function keptBelowLimit(element: Element, formats: number): boolean {
  if (element.type !== 'tag' || element.children.length === 0 || WHOLE.has(element.name)) return true;
  return (formatsOfNode(element) & ~formats) !== 0;
}

function formatsOfNode(node: AnyNode): number {
  return node.type === 'tag' ? formatsOf(node.name, (node as Element).attribs['style']) : 0;
}
