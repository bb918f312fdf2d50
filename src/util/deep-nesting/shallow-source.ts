// parse5 checks the open elements for a `<p>` at every block it opens, so 100 000 nested divs take minutes to
// parse before anything can flatten the tree. A deep page is first made shallower in its source, the way
// `flattenDeepNesting` flattens a tree: a wrapper that repeats the one it is the whole content of loses its
// tags, and below `MAX_NESTING` levels so do plain blocks and wrappers, their content kept in place.

import { WRAPPERS, addsNoFormatting, formatsOf } from './formats.js';
import { MAX_NESTING } from './limits.js';
import { VOID_ELEMENTS, closeImplied, nestsTooDeep } from './source-depth.js';
import { scanTags } from './tag-scanner.js';

/** Below the limit, these give way to their content: they only group it (text formatting goes once in force). */
const PLAIN_BLOCKS = new Set([
  'div',
  'center',
  'p',
  'blockquote',
  'section',
  'article',
  'aside',
  'header',
  'footer',
  'main',
  'nav',
  'hgroup',
  'address',
  'figure',
  'figcaption',
  'details',
  'summary',
  'dialog',
  'dir',
  'menu',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'fieldset',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);

/** A tag left out of the source, and what takes its place: a space where a block kept words apart. */
interface Cut {
  from: number;
  to: number;
  replacement: string;
}

/** An element the parse will build, with where its tags are in the source. */
interface SourceElement {
  name: string;
  attributes: string;
  parent: SourceElement | null;
  start: Cut;
  /** Null when another element's end tag closes it (implied), leaving no end tag of its own. */
  end: Cut | null;
  /** Inside `<svg>` or `<math>`, where the parser's rules differ. */
  foreign: boolean;
  /** Whether content came before it, and after it, in its parent. */
  afterContent: boolean;
  followed: boolean;
  /** While open: child elements and text so far; `only` is the child element while it is the only content. */
  contents: number;
  only: SourceElement | null;
  /** The last child element closed, until more content comes. */
  lastChild: SourceElement | null;
  /** Its tags are left out; `depth` is where it sits once they are (its parent's depth when cut). */
  cut: boolean;
  depth: number;
  /** The formatting in force inside it (see `formatsOf`). */
  formats: number;
}

/**
 * `html` with the tags of redundant wrappers, and of plain blocks and wrappers still nested past
 * `MAX_NESTING` once those are gone, left out when it nests deeper than that; as it is otherwise. The tags
 * of one element go together: the parse then builds the same tree without those levels.
 */
export function shallowerHtml(html: string): string {
  if (!nestsTooDeep(html)) return html;
  const cuts = cutsPastLimit(readSourceTree(html));
  return cuts.length === 0 ? html : withoutCuts(html, cuts);
}

/**
 * The elements of the source in document order, the root first, read as `nestsTooDeep` reads them, with
 * redundant wrappers marked cut (see `cutRepeatedChild`).
 */
function readSourceTree(html: string): SourceElement[] {
  const root = sourceElement('', '', null, { from: 0, to: 0, replacement: '' }, false, false);
  const elements: SourceElement[] = [root];
  const open: SourceElement[] = [root];
  const openCount = new Map<string, number>();

  const follow = (parent: SourceElement) => {
    if (parent.lastChild) parent.lastChild.followed = true;
    parent.lastChild = null;
  };
  const addContent = (child: SourceElement | null) => {
    const parent = open[open.length - 1]!;
    follow(parent);
    parent.contents++;
    parent.only = parent.contents === 1 ? child : null;
  };
  const close = (end: Cut | null) => {
    const element = open.pop()!;
    openCount.set(element.name, openCount.get(element.name)! - 1);
    element.end = end;
    if (!end) return addContent(null);
    const built = cutRepeatedChild(element);
    if (built !== element) built.afterContent = element.afterContent;
    addContent(built);
    open[open.length - 1]!.lastChild = built;
  };

  scanTags(html, {
    text(from, to) {
      const parent = open[open.length - 1]!;
      // Past two pieces of content nothing more is learnt about the element.
      if ((parent.contents < 2 || parent.lastChild) && !isBlank(html, from, to)) addContent(null);
    },
    markup() {
      addContent(null);
    },
    startTag(name, from, to, attributesFrom, selfClosing) {
      closeImplied(
        name,
        () => open[open.length - 1]!.name,
        () => close(null),
      );
      const parent = open[open.length - 1]!;
      if (VOID_ELEMENTS.has(name) || (parent.foreign && selfClosing)) return addContent(null);
      follow(parent);
      const attributes = html
        .slice(attributesFrom, to - 1)
        .trim()
        .replace(/\/$/, '')
        .trimEnd();
      const foreign = parent.foreign || name === 'svg' || name === 'math';
      const element = sourceElement(
        name,
        attributes,
        parent,
        { from, to, replacement: '' },
        foreign,
        parent.contents > 0,
      );
      elements.push(element);
      open.push(element);
      openCount.set(name, (openCount.get(name) ?? 0) + 1);
    },
    endTag(name, from, to) {
      // A stray end tag closes nothing; `</p>` and `</br>` make an element of their own.
      if (!openCount.get(name)) {
        if (name === 'p' || name === 'br') addContent(null);
        return;
      }
      while (open[open.length - 1]!.name !== name) close(null);
      close({ from, to, replacement: '' });
    },
  });
  return elements;
}

function sourceElement(
  name: string,
  attributes: string,
  parent: SourceElement | null,
  start: Cut,
  foreign: boolean,
  afterContent: boolean,
): SourceElement {
  return {
    name,
    attributes,
    parent,
    start,
    end: null,
    foreign,
    afterContent,
    followed: false,
    contents: 0,
    only: null,
    lastChild: null,
    cut: false,
    depth: 0,
    formats: 0,
  };
}

/**
 * When the whole content of `element` is a wrapper of the same kind that adds nothing (no attributes, or the
 * same ones), that wrapper is cut; when `element` itself is bare, it is, and the wrapper stands for it. What
 * the parse will build in its place is returned.
 */
function cutRepeatedChild(element: SourceElement): SourceElement {
  const only = element.only;
  if (element.contents !== 1 || !only || element.foreign || !WRAPPERS.has(element.name) || only.name !== element.name)
    return element;
  if (only.attributes === '' || only.attributes === element.attributes) {
    only.cut = true;
    return element;
  }
  if (element.attributes !== '') return element;
  element.cut = true;
  return only;
}

/**
 * Every tag to leave out: those of the redundant wrappers, then, from the top down, those of plain blocks,
 * wrappers and formatting already in force that still sit deeper than the limit. A block's content keeps a
 * space from what was beside it.
 */
function cutsPastLimit(elements: readonly SourceElement[]): Cut[] {
  const cuts: Cut[] = [];
  for (const element of elements) {
    const parent = element.parent;
    if (!parent) continue;
    const depth = parent.depth + 1;
    const formats = formatsOf(element.name, element.attributes);
    if (
      !element.cut &&
      depth > MAX_NESTING &&
      !element.foreign &&
      mayGoPastLimit(element.name, formats, parent.formats)
    ) {
      element.cut = true;
      if (PLAIN_BLOCKS.has(element.name)) {
        if (element.afterContent) element.start.replacement = ' ';
        if (element.end && element.followed) element.end.replacement = ' ';
      }
    }
    element.depth = element.cut ? parent.depth : depth;
    element.formats = parent.formats | (element.cut ? 0 : formats);
    if (!element.cut) continue;
    cuts.push(element.start);
    // An element with no end tag of its own (closed by another's, or by the end of the page) goes with its
    // start tag: what it held then belongs to what holds it, as it does once it is gone.
    if (element.end) cuts.push(element.end);
  }
  return cuts.sort((a, b) => a.from - b.from);
}

/** A plain block, a span or font that formats nothing (only its looks go with it), or formatting already in force. */
function mayGoPastLimit(name: string, formats: number, inForce: number): boolean {
  if (PLAIN_BLOCKS.has(name)) return true;
  if ((name === 'span' || name === 'font') && formats === 0) return true;
  return addsNoFormatting(name, formats, inForce);
}

/** `html` with each cut replaced; a space is not doubled. */
function withoutCuts(html: string, cuts: readonly Cut[]): string {
  const kept: string[] = [];
  let at = 0;
  let endsInSpace = false;
  for (const cut of cuts) {
    if (cut.from > at) {
      kept.push(html.slice(at, cut.from));
      endsInSpace = isBlank(html, cut.from - 1, cut.from);
    }
    if (cut.replacement && !endsInSpace) {
      kept.push(cut.replacement);
      endsInSpace = true;
    }
    at = cut.to;
  }
  kept.push(html.slice(at));
  return kept.join('');
}

function isBlank(html: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    const code = html.charCodeAt(index);
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) return false;
  }
  return true;
}
