// Turndown walks a DOM. Given a string it parses one of its own (domino); given a node it walks that
// node. So that a body is parsed once, turndown is handed cheerio's tree, and this module gives cheerio's
// nodes the few DOM members turndown, the GFM plugin and our rules read (see `dom.ts`). They are added to
// the classes of the nodes cheerio itself builds (found by parsing a probe, so they are the very classes
// cheerio uses even if another copy of domhandler is installed), never overriding what is there.

import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode, Element, ParentNode } from 'domhandler';

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

const probe = load('<p>text<!--note--></p>', null, false);
const probeParagraph = probe('p')[0]!;
const ElementClass = probeParagraph.constructor as new (name: string, attribs: Record<string, string>) => Element;
const elementPrototype: object = ElementClass.prototype;
const textPrototype: object = Object.getPrototypeOf(probeParagraph.children[0]!);
const commentPrototype: object = Object.getPrototypeOf(probeParagraph.children[1]!);
const documentPrototype: object = Object.getPrototypeOf(probe.root()[0]!);
const parentPrototype: object = Object.getPrototypeOf(elementPrototype);
const nodePrototype: object = Object.getPrototypeOf(parentPrototype);

const upperNames = new Map<string, string>();

/** `P`, `TABLE`: the DOM's name for an HTML element; elements of SVG and MathML keep their case. */
function elementNodeName(element: Element): string {
  if (element.namespace !== undefined && element.namespace !== HTML_NAMESPACE) return element.name;
  let upper = upperNames.get(element.name);
  if (upper === undefined) {
    upper = element.name.toUpperCase();
    upperNames.set(element.name, upper);
  }
  return upper;
}

function isElementNode(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/**
 * Text of elements already asked for, while a tree is walked that nothing changes (see `withSettledTree`).
 * Turndown asks every node's text to know if it is blank, and every inline node's again for its edges:
 * without this a paragraph's text is built once for each element inside it.
 */
let settledText: WeakMap<AnyNode, string> | null = null;

/** The DOM's `textContent`: every text below the node, comments left out. */
function textOf(node: AnyNode): string {
  if (node.type === 'text') return node.data;
  if (!('children' in node)) return '';
  const known = settledText?.get(node);
  if (known !== undefined) return known;
  let text = '';
  for (const child of node.children) text += textOf(child);
  settledText?.set(node, text);
  return text;
}

/**
 * Runs `walk` with the text of elements remembered once read. Only for work that changes no text and no
 * children after it first reads a text: turndown's walk (its whitespace pass, before, reads none).
 */
export function withSettledTree<T>(walk: () => T): T {
  settledText = new WeakMap();
  try {
    return walk();
  } finally {
    settledText = null;
  }
}

function elementsNamed(root: ParentNode, name: string): Element[] {
  const wanted = name.toLowerCase();
  const found: Element[] = [];
  const visit = (parent: ParentNode): void => {
    for (const child of parent.children) {
      if (!isElementNode(child)) continue;
      if (wanted === '*' || child.name === wanted) found.push(child);
      visit(child);
    }
  };
  visit(root);
  return found;
}

/** The DOM's `table.rows`: the head's rows, then the bodies' and the table's own, then the foot's. */
function tableRows(table: Element): Element[] {
  const head: Element[] = [];
  const body: Element[] = [];
  const foot: Element[] = [];
  for (const child of table.children) {
    if (!isElementNode(child)) continue;
    if (child.name === 'tr') body.push(child);
    const section =
      child.name === 'thead' ? head : child.name === 'tbody' ? body : child.name === 'tfoot' ? foot : null;
    if (section) for (const row of child.children) if (isElementNode(row) && row.name === 'tr') section.push(row);
  }
  return [...head, ...body, ...foot];
}

function removeChild(parent: ParentNode, child: AnyNode): AnyNode {
  const index = parent.children.indexOf(child);
  if (index < 0) throw new Error('removeChild: not a child of this node');
  if (child.prev) child.prev.next = child.next;
  if (child.next) child.next.prev = child.prev;
  parent.children.splice(index, 1);
  child.parent = null;
  child.prev = null;
  child.next = null;
  return child;
}

let serializer: CheerioAPI | null = null;

/** The members, by prototype. Getters where the DOM has properties. */
const MEMBERS: [object, Record<string, PropertyDescriptor>][] = [
  [
    nodePrototype,
    {
      textContent: {
        get(this: AnyNode) {
          return textOf(this);
        },
      },
    },
  ],
  [textPrototype, { nodeName: { value: '#text' } }],
  [commentPrototype, { nodeName: { value: '#comment' } }],
  [documentPrototype, { nodeName: { value: '#document' } }],
  [
    parentPrototype,
    {
      removeChild: {
        value(this: ParentNode, child: AnyNode) {
          return removeChild(this, child);
        },
      },
      getElementsByTagName: {
        value(this: ParentNode, name: string) {
          return elementsNamed(this, name);
        },
      },
      lastElementChild: {
        get(this: ParentNode) {
          for (let index = this.children.length - 1; index >= 0; index--) {
            const child = this.children[index]!;
            if (isElementNode(child)) return child;
          }
          return null;
        },
      },
    },
  ],
  [
    elementPrototype,
    {
      nodeName: {
        get(this: Element) {
          return elementNodeName(this);
        },
      },
      getAttribute: {
        value(this: Element, name: string) {
          return this.attribs[name.toLowerCase()] ?? null;
        },
      },
      hasAttribute: {
        value(this: Element, name: string) {
          return name.toLowerCase() in this.attribs;
        },
      },
      className: {
        get(this: Element) {
          return this.attribs['class'] ?? '';
        },
      },
      rows: {
        get(this: Element) {
          return this.name === 'table' ? tableRows(this) : undefined;
        },
      },
      outerHTML: {
        get(this: Element) {
          serializer ??= load('', null, false);
          return serializer.html(this);
        },
      },
      querySelector: {
        value(this: Element, selector: string) {
          serializer ??= load('', null, false);
          return serializer(this).find(selector).get(0) ?? null;
        },
      },
    },
  ],
];

// Node's module cache keeps cheerio's classes when this module is loaded anew (as test runners do).
const INSTALLED = Symbol.for('tistory-export.turndown-dom');
if (!(INSTALLED in nodePrototype)) {
  for (const [prototype, members] of MEMBERS) {
    for (const [name, descriptor] of Object.entries(members)) {
      if (name in prototype)
        throw new Error(`cheerio's nodes already have a ${name}: the turndown adapter would hide it`);
      Object.defineProperty(prototype, name, { ...descriptor, configurable: true, enumerable: false });
    }
  }
  Object.defineProperty(nodePrototype, INSTALLED, { value: true });
}

/**
 * The fragment's nodes under one `<x-turndown>` element, as turndown's own parse would give them, ready for
 * `service.turndown(root)`. Turndown clones what it is handed; the fragment is ours to consume, so the
 * root hands itself back instead of a copy.
 */
export function turndownRoot($: CheerioAPI): Element {
  const root = new ElementClass('x-turndown', { id: 'turndown-root' });
  const children = $.root()[0]!.children;
  for (const child of children) child.parent = root;
  root.children = children;
  $.root()[0]!.children = [];
  Object.defineProperty(root, 'cloneNode', { value: () => root });
  return root;
}
