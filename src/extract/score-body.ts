// The last resort for a page with no Tistory body mark and no known container: the element holding the
// most paragraph text outside the page chrome, scored the way Readability does (paragraphs credit their
// parent and, less, its ancestors; links count against). A plain walk over cheerio's tree: Readability
// itself needs a browser DOM the stack does not have.

import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { CONTAINER_CHROME } from './chrome.js';
import { descendantsOf, removeNode } from './walk.js';
import { selectAll } from '../util/select.js';

export interface ScoredBody {
  node: Cheerio<AnyNode>;
  /** The chosen element as a short selector (`div#post_body_wrap`), for messages. */
  selector: string;
}

/** Less paragraph text than this (non-link characters, spaces left out) is no post worth a guess. */
export const MIN_BODY_CHARS = 50;
/**
 * Paragraphs (or `<br>`-separated lines) a guess must hold: one paragraph alone is as likely a sidebar's
 * "about me" box as a post, and a wrong guess is worse than a failure that says why.
 */
export const MIN_BODY_PARAGRAPHS = 2;
/** A block with less own text is a label, a date or a counter, not a paragraph. */
const MIN_PARAGRAPH_CHARS = 10;
/** A block more than half link text is a list of links (recent posts, comments, tags), not writing. */
const MAX_PARAGRAPH_LINK_DENSITY = 0.5;
/** A parent scoring this close to the best element holds more of the post than it (the post is split in sections). */
const CLIMB_RATIO = 0.75;
/** What a paragraph's score gives its candidate, the candidate's parent and grandparent. */
const SHARES = [1, 1 / 2, 1 / 3];

const SKIPPED_TAGS = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'svg',
  'select',
  'textarea',
  'object',
  'embed',
]);
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
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
  'header',
  'html',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  ...HEADINGS,
]);
/** A paragraph of these tags is one of several in its parent: the parent is the candidate, as in Readability. */
const PARAGRAPH_TAGS = new Set(['p', 'pre', 'blockquote', 'figcaption', 'address']);
/**
 * Text of these is never a paragraph of its own. List items above all: sidebars are lists (recent posts,
 * comments, links with a line about each), while a post's lists sit among its paragraphs and come along.
 */
const UNSCORED_TAGS = new Set([
  ...HEADINGS,
  'li',
  'dd',
  'dt',
  'ul',
  'ol',
  'dl',
  'th',
  'caption',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
]);

// Class and id words of hand-made skins' furniture. A strong word marks furniture outright (`post_comment`
// is a comment box); a weak one only when no word of the same name says content (`post_header` is not).
const STRONG_CHROME_WORDS = new Set([
  'sidebar',
  'sidebox',
  'widget',
  'widgets',
  'footer',
  'comment',
  'comments',
  'reply',
  'replies',
  'guestbook',
  'trackback',
  'trackbacks',
  'related',
  'banner',
  'copyright',
  'pagination',
  'paging',
  'toolbar',
  'gnb',
  'lnb',
  'snb',
  'calendar',
  'visitor',
  'counter',
  'login',
  'search',
  'sns',
  'share',
  'rss',
  'ad',
  'ads',
  'adsense',
  'advertisement',
]);
const WEAK_CHROME_WORDS = new Set([
  'side',
  'aside',
  'header',
  'menu',
  'nav',
  'navi',
  'navigation',
  'tag',
  'tags',
  'tagcloud',
  'category',
  'categories',
  'notice',
  'recent',
  'archive',
  'archives',
  'profile',
]);
const CONTENT_WORDS = new Set(['article', 'content', 'contents', 'entry', 'post', 'body', 'main', 'text', 'view']);
/** A layout switch (`layout-aside-right`) names where the sidebar goes, not what the element is. */
const LAYOUT_WORDS = new Set(['layout']);

interface Stats {
  /** Text below the element (spaces left out), and the part of it inside links. */
  text: number;
  link: number;
  /** Text the element holds itself or through inline elements, not through child blocks: a paragraph's text. */
  ownText: number;
  ownLink: number;
  ownPunctuation: number;
  /** Lines of its own text: one, plus one per `<br>` that has text after it. */
  ownLines: number;
  /** A `<br>` of its own text was seen and no text after it yet. */
  breakPending: boolean;
  /** Paragraph text (non-link characters) and paragraphs credited at or below the element. */
  paragraphChars: number;
  paragraphs: number;
  score: number;
}

/**
 * The element with the most paragraph text outside the page chrome, or null when none holds at least
 * `MIN_BODY_CHARS` of it in `MIN_BODY_PARAGRAPHS` paragraphs. Skin furniture the guess left out (found by
 * chrome selectors and by class names) is removed from the chosen element, which is mutated.
 */
export function scoreBody($: CheerioAPI): ScoredBody | null {
  const root = selectAll($, 'body').get(0) ?? $.root().children().get(0);
  if (root?.type !== 'tag') return null;
  const chrome = new Set(selectAll($, CONTAINER_CHROME).toArray());
  const left: Element[] = [];
  const { order, stats } = walk(
    root,
    (element) => chrome.has(element) || isSkipped(element) || looksLikeFurniture(element),
    left,
  );
  creditParagraphs(order, stats, root);
  const best = bestCandidate(order, stats, root);
  if (!best) return null;
  const chosen = stats.get(best)!;
  if (chosen.paragraphChars < MIN_BODY_CHARS || chosen.paragraphs < MIN_BODY_PARAGRAPHS) return null;
  // A walk of the chosen element, not a climb from each left-out element: a page can be nested deep.
  const leftOut = new Set<AnyNode>(left);
  for (const node of descendantsOf([best])) if (leftOut.has(node)) removeNode(node);
  return { node: $(best), selector: shortSelector(best) };
}

/**
 * Pre-order walk of `root`, attributing every text to its element and to its nearest block; subtrees `leave`
 * accepts are not entered (and are listed in `left`). The elements come in document order, parents first.
 */
function walk(
  root: Element,
  leave: (element: Element) => boolean,
  left: Element[],
): { order: Element[]; stats: Map<Element, Stats> } {
  const order: Element[] = [];
  const stats = new Map<Element, Stats>();
  const stack: Array<{ node: AnyNode; block: Element | null; inLink: boolean }> = [
    { node: root, block: null, inLink: false },
  ];
  while (stack.length > 0) {
    const { node, block, inLink } = stack.pop()!;
    if (node.type === 'text') {
      const chars = countChars(node.data);
      if (chars === 0 || !block) continue;
      const parent = stats.get(node.parent as Element)!;
      const own = stats.get(block)!;
      parent.text += chars;
      own.ownText += chars;
      own.ownPunctuation += countPunctuation(node.data);
      if (own.breakPending) own.ownLines++;
      own.breakPending = false;
      if (inLink) {
        parent.link += chars;
        own.ownLink += chars;
      }
      continue;
    }
    if (node.type !== 'tag') continue;
    if (node !== root && leave(node)) {
      left.push(node);
      continue;
    }
    order.push(node);
    stats.set(node, {
      text: 0,
      link: 0,
      ownText: 0,
      ownLink: 0,
      ownPunctuation: 0,
      ownLines: 1,
      breakPending: false,
      paragraphChars: 0,
      paragraphs: 0,
      score: 0,
    });
    if (node.name === 'br' && block) stats.get(block)!.breakPending = stats.get(block)!.ownText > 0;
    const childBlock = BLOCK_TAGS.has(node.name) ? node : block;
    const childInLink = inLink || node.name === 'a';
    for (let index = node.children.length - 1; index >= 0; index--) {
      stack.push({ node: node.children[index]!, block: childBlock, inLink: childInLink });
    }
  }
  sumUpwards(order, stats, (parent, child) => {
    parent.text += child.text;
    parent.link += child.link;
  });
  return { order, stats };
}

/** Readability's paragraph score: one, plus a point per sentence or clause, plus up to three for length. */
function creditParagraphs(order: readonly Element[], stats: Map<Element, Stats>, root: Element): void {
  for (const element of order) {
    const own = stats.get(element)!;
    if (UNSCORED_TAGS.has(element.name) || own.ownText < MIN_PARAGRAPH_CHARS) continue;
    const linkDensity = own.ownLink / own.ownText;
    if (linkDensity > MAX_PARAGRAPH_LINK_DENSITY) continue;
    const chars = own.ownText - own.ownLink;
    const score = (1 + own.ownPunctuation + Math.min(Math.floor(chars / 50), 3)) * (1 - linkDensity);
    const candidate = PARAGRAPH_TAGS.has(element.name) ? (element.parent as Element | null) : element;
    if (!candidate || !stats.has(candidate)) continue;
    let target: Element | null = candidate;
    for (const share of SHARES) {
      if (!target || target === root || !stats.has(target)) break;
      stats.get(target)!.score += score * share;
      target = target.parent as Element | null;
    }
    // Counted where the paragraph sits, summed upwards below: what the chosen element holds of the post.
    stats.get(candidate)!.paragraphChars += chars;
    stats.get(candidate)!.paragraphs += own.ownLines;
  }
  sumUpwards(order, stats, (parent, child) => {
    parent.paragraphChars += child.paragraphChars;
    parent.paragraphs += child.paragraphs;
  });
}

/** The best-scoring element, raised to its parent while the parent scores nearly as well. */
function bestCandidate(order: readonly Element[], stats: Map<Element, Stats>, root: Element): Element | null {
  const finalScore = (element: Element) => {
    const own = stats.get(element)!;
    return own.score * (1 - (own.text > 0 ? own.link / own.text : 0));
  };
  let best: Element | null = null;
  let bestScore = 0;
  for (const element of order) {
    if (element === root) continue;
    const score = finalScore(element);
    if (score > bestScore) {
      best = element;
      bestScore = score;
    }
  }
  if (!best) return null;
  let parent = best.parent as Element | null;
  while (parent && parent !== root && stats.has(parent) && finalScore(parent) >= bestScore * CLIMB_RATIO) {
    best = parent;
    parent = parent.parent as Element | null;
  }
  return best;
}

/** Adds each element's figures to its parent's, deepest first, so every element ends with its whole subtree's. */
function sumUpwards(
  order: readonly Element[],
  stats: Map<Element, Stats>,
  add: (parent: Stats, child: Stats) => void,
): void {
  for (let index = order.length - 1; index > 0; index--) {
    const element = order[index]!;
    const parent = stats.get(element.parent as Element);
    if (parent) add(parent, stats.get(element)!);
  }
}

function isSkipped(element: Element): boolean {
  return (
    SKIPPED_TAGS.has(element.name) ||
    element.attribs.hidden !== undefined ||
    /display\s*:\s*none/i.test(element.attribs.style ?? '')
  );
}

function looksLikeFurniture(element: Element): boolean {
  const names = [element.attribs.id ?? '', ...(element.attribs.class ?? '').split(/\s+/)].filter(Boolean);
  return names.some((name) => {
    const words = (name.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g) ?? []).map((word) => word.toLowerCase());
    if (words.some((word) => LAYOUT_WORDS.has(word))) return false;
    if (words.some((word) => STRONG_CHROME_WORDS.has(word))) return true;
    return words.some((word) => WEAK_CHROME_WORDS.has(word)) && !words.some((word) => CONTENT_WORDS.has(word));
  });
}

function countChars(text: string): number {
  return text.replace(/\s+/g, '').length;
}

/** Clause and sentence ends (a comma or full stop before a space or the end), not the dots of a date (`2019. 10. 5.`). */
function countPunctuation(text: string): number {
  return text.match(/(?<!\d)[,.!?。，、](?=\s|$)/g)?.length ?? 0;
}

function shortSelector(element: Element): string {
  const id = element.attribs.id ? `#${element.attribs.id}` : '';
  const firstClass = (element.attribs.class ?? '').split(/\s+/).find(Boolean);
  return `${element.name}${id}${!id && firstClass ? `.${firstClass}` : ''}`;
}
