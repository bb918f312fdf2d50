// `$(selector)` runs every selector through cheerio-select, which parses and compiles it anew on each call
// and, searching a fragment, first sorts out which of the fragment's top-level nodes hold others (a
// quadratic pass over them: a body is hundreds of paragraphs). The extractor and the converter ask the
// same few dozen selectors of every page, so here each is compiled once (by css-select, the engine
// cheerio itself uses) and searched from the document's root.

import type { Cheerio, CheerioAPI } from 'cheerio';
import { compile, selectAll as matchAll } from 'css-select';
import type { AnyNode, Element } from 'domhandler';

type CompiledQuery = ReturnType<typeof compile<AnyNode, Element>>;

const compiled = new Map<string, CompiledQuery>();

function query(selector: string): CompiledQuery {
  let found = compiled.get(selector);
  if (!found) {
    found = compile<AnyNode, Element>(selector);
    compiled.set(selector, found);
  }
  return found;
}

/** What `$(selector)` finds in the whole document or fragment, in document order. */
export function selectAll($: CheerioAPI, selector: string): Cheerio<Element> {
  const root = $.root()[0]!;
  const test = query(selector) as (node: Element) => boolean;
  const index = indexes.get(root);
  const candidates = index ? indexedCandidates(index, selector) : null;
  return $(candidates ? candidates.filter(test) : matchAll<AnyNode, Element>(test, root));
}

/** What `$(within).find(selector)` finds: the elements below `within` (not itself), in document order. */
export function selectWithin($: CheerioAPI, within: AnyNode, selector: string): Cheerio<Element> {
  return $(elementsWithin(within, selector));
}

/** The elements below `within` (not itself) that `selector` matches, in document order. */
export function elementsWithin(within: AnyNode, selector: string): Element[] {
  // One node, not an array: css-select then searches its children, as cheerio's `find` does.
  return matchAll<AnyNode, Element>(query(selector) as (node: Element) => boolean, within);
}

/**
 * While a document is read without being changed, its elements by tag name: a selector whose every
 * alternative names its subject's tag (`meta[property]`, `div.article-view`, `ul > li`) tests only those
 * elements instead of walking the whole page again.
 */
interface ElementIndex {
  byName: Map<string, Element[]>;
  order: Map<Element, number>;
}

const indexes = new WeakMap<AnyNode, ElementIndex>();

/** Runs `read` with the document's elements indexed; `read` must not add, move or remove any element. */
export function withElementIndex<T>($: CheerioAPI, read: () => T): T {
  const root = $.root()[0]!;
  indexes.set(root, indexElements(root));
  try {
    return read();
  } finally {
    indexes.delete(root);
  }
}

function indexElements(root: AnyNode): ElementIndex {
  const byName = new Map<string, Element[]>();
  const order = new Map<Element, number>();
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
      order.set(node, order.size);
      const named = byName.get(node.name);
      if (named) named.push(node);
      else byName.set(node.name, [node]);
    }
    if ('children' in node)
      for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!);
  }
  return { byName, order };
}

/** The elements of the indexed document `selector` could match, in document order; null when it names no tag. */
function indexedCandidates(index: ElementIndex, selector: string): Element[] | null {
  const names = new Set<string>();
  for (const alternative of splitTopLevel(selector, ',')) {
    const name = subjectTag(alternative);
    if (name === null) return null;
    names.add(name);
  }
  const lists = [...names].map((name) => index.byName.get(name) ?? []);
  if (lists.length === 1) return lists[0]!;
  return lists.flat().sort((a, b) => index.order.get(a)! - index.order.get(b)!);
}

/** The tag name of the last compound of one selector (`ul > li.x` → `li`), or null when it has none. */
function subjectTag(alternative: string): string | null {
  const compounds = splitTopLevel(alternative.trim(), ' >+~');
  const subject = compounds.at(-1) ?? '';
  return /^[a-z][a-z0-9-]*/i.exec(subject)?.[0].toLowerCase() ?? null;
}

/** `text` cut at each of `separators` outside brackets, parentheses and quotes; empty pieces dropped. */
function splitTopLevel(text: string, separators: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let quote = '';
  let piece = '';
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '[' || char === '(') depth++;
    else if (char === ']' || char === ')') depth--;
    else if (depth === 0 && separators.includes(char)) {
      if (piece.trim()) pieces.push(piece.trim());
      piece = '';
      continue;
    }
    piece += char;
  }
  if (piece.trim()) pieces.push(piece.trim());
  return pieces;
}
