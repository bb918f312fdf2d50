import { type CheerioAPI, load } from 'cheerio';
import type { AnyNode, ChildNode, Element, ParentNode, Text } from 'domhandler';
import { setChildren } from '../util/deep-nesting/tree-edit.js';
import { originalImageUrl } from '../util/image-url.js';
import { codeLanguage } from './code-language.js';
import { isBlockTagName } from './dom.js';
import { convertFlashPlayers } from './prepare/blocks/embeds.js';
import { convertVideoBlocks } from './prepare/blocks/video.js';
import { resolveUrl } from './url.js';
import { selectAll } from '../util/select.js';

/**
 * Never content (the Markdown drops them too), or only the old page's bookkeeping. `script` and `style`
 * are not tags to the parser and go with comments.
 */
const DROPPED = new Set(['noscript', 'template', 'colgroup', 'col', 'meta', 'link']);
/** Wrappers that only style their text (`o:p` and the like, Word's, are dropped too: see `isWrapperOnly`). */
const UNWRAPPED = new Set(['span', 'font']);
/** What an HTML reader (WordPress, Ghost) needs of each element: the rest is the old site's styling. */
export const KEPT_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'title'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
  ol: ['start'],
  iframe: ['src', 'width', 'height', 'title', 'allow', 'allowfullscreen'],
  video: ['src', 'poster', 'controls', 'width', 'height'],
  audio: ['src', 'controls'],
  source: ['src', 'type'],
};
/** Attributes holding an address, made absolute against the post's URL as the Markdown's are. */
const URL_ATTRIBUTES = ['href', 'src', 'poster'];
/** Where a centred or right-aligned line is the author's layout (a poem, a caption), kept as the one style. */
const ALIGNABLE = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th']);
const ALIGNMENT = /(?:^|;)\s*text-align\s*:\s*(center|right)\b/i;
/** Where whitespace is shown as typed. */
const PREFORMATTED = new Set(['pre', 'textarea']);

/**
 * The body as clean HTML, for the formats that take HTML (WXR, Ghost, posts.jsonl), from the same prepared
 * body as the Markdown (`prepareStructure` has run): no `<font>`, no inline styles or classes, no editor
 * attributes (`data-ke-*`, `filename`, `filemime`), no spacer lines. What it keeps: headings,
 * paragraphs and line breaks, emphasis, links (absolute, as in the Markdown), images with their alt text,
 * figures and captions, lists, quotes, tables with merged cells, code blocks as `<pre><code
 * class="language-…">` with their text alone, collapsible blocks, players a web page can show (a
 * YouTube iframe, an uploaded video) and centred or right-aligned text. Leaves `$` as it was: the clean
 * HTML is built from copies of what it keeps, made as the body is walked, so nothing is copied twice.
 */
export function cleanBodyHtml($: CheerioAPI, baseUrl?: string): string {
  let source = $;
  const tags = tagNames($.root()[0]!);
  const videoBlocks = tags.has('figure') && selectAll($, VIDEO_BLOCK).length > 0;
  if (videoBlocks || tags.has('object') || tags.has('embed')) {
    // Players are rewritten in place, by the Markdown's own steps: on a copy, as the Markdown still needs them.
    source = load($.root().clone()[0]!, null, false);
    if (videoBlocks) keepVideoPlayers(source);
    if (tags.has('object') || tags.has('embed')) convertFlashPlayers(source);
  }
  const root = source.root()[0]!.cloneNode(false);
  cleanInto(source, source.root()[0]!, root, { baseUrl, preformatted: false });
  return source.html(root.children).trim();
}

const VIDEO_BLOCK = 'figure[data-ke-type="video" i]';

function tagNames(root: ParentNode): Set<string> {
  const names = new Set<string>();
  const stack: AnyNode[] = [...root.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== 'tag') continue;
    names.add(node.name);
    for (const child of node.children) stack.push(child);
  }
  return names;
}

/**
 * A video block with a player keeps the player (WordPress and Ghost show an iframe); one without (the
 * 2023 block shows only a thumbnail) becomes its thumbnail linked to the video, as in the Markdown.
 */
function keepVideoPlayers($: CheerioAPI): void {
  selectAll($, VIDEO_BLOCK).each((_, block) => {
    const frame = $(block).find('iframe[src]').first();
    if (frame.length === 0) return;
    const caption = $(block).children('figcaption').first();
    $(block).empty().append(frame).append(caption);
    delete block.attribs['data-ke-type'];
  });
  convertVideoBlocks($);
}

interface CleanContext {
  baseUrl: string | undefined;
  preformatted: boolean;
}

/**
 * One pass, children before their parent, each copy's children set once (a body can hold 100 000 spans
 * side by side): styling wrappers give way to their content, attributes are cut to what `KEPT_ATTRIBUTES`
 * keeps, spacer lines and comments go, and text is tidied (see `tidyText`). `copy` is `parent` without its
 * children; what is kept below it is copied as it is met, and `parent` is not changed.
 */
function cleanInto($: CheerioAPI, parent: ParentNode, copy: ParentNode, context: CleanContext): void {
  const kept: ChildNode[] = [];
  const keep = (node: ChildNode) => {
    const last = kept.at(-1);
    if (node.type === 'text' && last?.type === 'text') last.data += node.data;
    else kept.push(node);
  };
  for (const child of parent.children) {
    if (child.type === 'text') {
      const text = child.cloneNode();
      if (!context.preformatted) text.data = text.data.replace(/[ \t]*[\r\n]+[ \t\r\n]*/g, ' ');
      keep(text);
      continue;
    }
    if (child.type !== 'tag' || DROPPED.has(child.name)) continue;
    const element = child.cloneNode(false);
    if (child.name === 'pre') plainCodeBlock($, child, element);
    else
      cleanInto($, child, element, { ...context, preformatted: context.preformatted || PREFORMATTED.has(child.name) });
    if (isWrapperOnly(element)) element.children.forEach(keep);
    else if (cleanAttributes(element, context.baseUrl) && !isSpacer(element)) keep(element);
  }
  const tidy = context.preformatted
    ? kept
    : tidyText(kept, parent.type === 'root' ? 'root' : isBlock(parent) ? 'block' : 'inline');
  setChildren(copy, tidy);
}

/**
 * The code's text alone in a `<code>` with its language, into `copy`: highlighters' spans and line tables
 * are styling.
 */
function plainCodeBlock($: CheerioAPI, pre: Element, copy: Element): void {
  const code = pre.children.find((child): child is Element => child.type === 'tag' && child.name === 'code');
  const attributesOf = (element: Element) => ({
    className: element.attribs['class'] ?? '',
    getAttribute: (name: string) => element.attribs[name] ?? null,
  });
  const language = codeLanguage(attributesOf(pre), code ? attributesOf(code) : null);
  const plain = $('<code></code>').text(codeText(pre).replace(/\n+$/, ''));
  if (language) plain.attr('class', `language-${language}`);
  $(copy).append(plain);
}

/** As the Markdown's code rule reads it: `<br>` and line-wrapping blocks are newlines, markup is dropped. */
function codeText(node: Element): string {
  let text = '';
  for (const child of node.children) {
    if (child.type === 'text') text += child.data;
    else if (child.type === 'tag' && child.name === 'br') text += '\n';
    else if (child.type === 'tag') {
      const block = isBlockTagName(child.name);
      if (block && text && !text.endsWith('\n')) text += '\n';
      text += codeText(child);
      if (block && !text.endsWith('\n')) text += '\n';
    }
  }
  return text;
}

/** A styling wrapper (`span`, `font`, Word's `o:p`) or a link that goes nowhere: only its content counts. */
function isWrapperOnly(element: Element): boolean {
  const { name } = element;
  const inertLink = name === 'a' && !/^\s*(?!javascript:)\S/i.test(element.attribs['href'] ?? '');
  return UNWRAPPED.has(name) || name.includes(':') || inertLink;
}

/**
 * Cuts the attributes to those that mean something, with addresses made absolute and images at their
 * original; false when nothing is left to show (an img without a source).
 */
function cleanAttributes(element: Element, baseUrl: string | undefined): boolean {
  if (element.name === 'center') {
    element.tagName = 'div';
    element.attribs = { align: 'center' };
  }
  const { name, attribs } = element;
  const alignment = ALIGNABLE.has(name) ? alignmentOf(element) : null;
  const language = name === 'code' ? /^language-[\w#+.-]+$/.exec(attribs['class'] ?? '')?.[0] : undefined;
  const kept = KEPT_ATTRIBUTES[name] ?? [];
  element.attribs = {};
  for (const attribute of kept) {
    const value = attribs[attribute];
    if (value === undefined) continue;
    const resolved = URL_ATTRIBUTES.includes(attribute) ? resolveUrl(value, baseUrl) : value;
    element.attribs[attribute] = name === 'img' && attribute === 'src' ? originalImageUrl(resolved) : resolved;
  }
  if (language) element.attribs['class'] = language;
  if (alignment) element.attribs['style'] = `text-align: ${alignment}`;
  // A player without them shows a still frame and no way to start it.
  if (name === 'video' || name === 'audio') element.attribs['controls'] = '';
  return !((name === 'img' || name === 'iframe') && !element.attribs['src']?.trim());
}

function alignmentOf(element: Element): string | null {
  const fromStyle = ALIGNMENT.exec(element.attribs['style'] ?? '')?.[1];
  const fromAttribute = /^(center|right)$/i.exec(element.attribs['align']?.trim() ?? '')?.[1];
  return (fromStyle ?? fromAttribute)?.toLowerCase() ?? null;
}

/**
 * A spacer line, what the editors typed to space paragraphs apart: nothing but spaces and line breaks
 * (`<p>&nbsp;</p>`, `<p><br></p>`, the old editor's `<div><br></div>`). The Markdown has none either.
 */
function isSpacer(element: Element): boolean {
  if (element.name !== 'p' && element.name !== 'div') return false;
  return element.children.every((child) =>
    child.type === 'tag' ? child.name === 'br' : child.type !== 'text' || child.data.trim() === '',
  );
}

/**
 * A line break in running text is a space to a browser, but WordPress turns it into `<br>` (wpautop), so
 * text keeps its words on one line (done as the text is met). Here, spaces a browser would not show go:
 * blank text beside a block or at a block's edge, spaces at a block's edges. Between two top-level
 * blocks the blank text is one line break instead, so each starts a line. Adjacent text is one node.
 */
function tidyText(nodes: ChildNode[], inside: 'root' | 'block' | 'inline'): ChildNode[] {
  const edge = inside !== 'inline';
  const tidy = nodes.filter((node, index) => {
    if (!isBlankText(node)) return true;
    const [before, after] = [nodes[index - 1], nodes[index + 1]];
    const [blockBefore, blockAfter] = [
      before === undefined ? edge : isBlock(before),
      after === undefined ? edge : isBlock(after),
    ];
    if (inside === 'root' && before && after && blockBefore && blockAfter) {
      node.data = '\n';
      return true;
    }
    return !blockBefore && !blockAfter;
  });
  if (edge) {
    const [first, last] = [tidy[0], tidy.at(-1)];
    if (first?.type === 'text') first.data = first.data.trimStart();
    if (last?.type === 'text') last.data = last.data.trimEnd();
  }
  return tidy.filter((node) => node.type !== 'text' || node.data !== '');
}

function isBlankText(node: AnyNode): node is Text {
  return node.type === 'text' && node.data.trim() === '';
}

function isBlock(node: AnyNode): boolean {
  return node.type === 'tag' && (isBlockTagName(node.name) || node.name === 'details');
}
