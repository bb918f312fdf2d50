// Turndown hands rules the nodes of its own DOM (domino). The project compiles without the DOM lib, so
// this is the small part of the DOM API the rules rely on.

export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly parentNode: DomNode | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly nextSibling: DomNode | null;
  readonly previousSibling: DomNode | null;
  readonly textContent: string | null;
  readonly nodeValue: string | null;
}

export interface DomElement extends DomNode {
  readonly className: string;
  readonly outerHTML: string;
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

export function asElement(node: unknown): DomElement {
  return node as DomElement;
}

export function isText(node: DomNode): boolean {
  return node.nodeType === TEXT_NODE;
}

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

// The same list turndown uses to decide what starts a new block, so both agree on where a line ends.
const BLOCK_ELEMENTS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'AUDIO',
  'BLOCKQUOTE',
  'BODY',
  'CANVAS',
  'CENTER',
  'DD',
  'DIR',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'FRAMESET',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'HTML',
  'ISINDEX',
  'LI',
  'MAIN',
  'MENU',
  'NAV',
  'NOFRAMES',
  'NOSCRIPT',
  'OL',
  'OUTPUT',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'X-TURNDOWN',
]);

export function isBlockElement(node: DomNode): boolean {
  return isElement(node) && BLOCK_ELEMENTS.has(node.nodeName);
}

/** The same test by tag name (`p`, `DIV`), for DOMs other than turndown's. */
export function isBlockTagName(name: string): boolean {
  return BLOCK_ELEMENTS.has(name.toUpperCase());
}

/** The nearest ancestor (not the node itself) whose tag is one of `names`. */
export function closestAncestor(node: DomNode, names: readonly string[]): DomElement | null {
  for (let current = node.parentNode; current; current = current.parentNode) {
    if (isElement(current) && names.includes(current.nodeName)) return current;
  }
  return null;
}

/** Whether any element below `element` passes `test`; stops at the first that does. */
export function someDescendant(element: DomNode, test: (element: DomElement) => boolean): boolean {
  // A plain walk: domino's getElementsByTagName builds a live list per call, one whole walk per tag name.
  const stack: DomNode[] = Array.from(element.childNodes);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (test(node)) return true;
    for (let index = node.childNodes.length - 1; index >= 0; index--) stack.push(node.childNodes[index]!);
  }
  return false;
}

export function hasDescendant(element: DomElement, names: readonly string[]): boolean {
  return someDescendant(element, (node) => names.includes(node.nodeName));
}

/** Element siblings only: turndown has already dropped the whitespace between blocks, but not comments. */
export function elementSiblings(node: DomNode): DomElement[] {
  const parent = node.parentNode;
  if (!parent) return [];
  return Array.from(parent.childNodes).filter(isElement);
}

/** Whether anything but blank text follows the node inside its parent. */
export function hasFollowingContent(node: DomNode): boolean {
  for (let next = node.nextSibling; next; next = next.nextSibling) {
    if (isElement(next) || /\S/.test(next.nodeValue ?? '')) return true;
  }
  return false;
}
