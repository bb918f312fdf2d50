import type TurndownService from 'turndown';
import { escapeHtml } from '../util/html-escape.js';
import { originalImageUrl } from '../util/image-url.js';
import { cleanHtml } from './clean-html.js';
import { codeLanguage } from './code-language.js';
import { codeText, longestBacktickRun } from './code-text.js';
import { wrapInline } from './delimited.js';
import {
  asElement,
  closestAncestor,
  type DomElement,
  type DomNode,
  elementSiblings,
  hasDescendant,
  hasFollowingContent,
  isElement,
} from './dom.js';
import { imageAltText } from './image-alt.js';
import { altSources, imageSource, originalFromSrcset } from './image-sources.js';
import { inlineNeighbour } from './inline-neighbour.js';
import { MATH_ATTRIBUTE, MATH_TAG } from './math-tag.js';
import { hasMergedCells, isSingleCellTable, tableShape } from './table-shape.js';
import { autolink, bracketText, markdownDestination, markdownTitle, resolveUrl } from './url.js';

/** What every rule may need to know about the post being converted. */
export interface ConvertContext {
  /** The post's URL; relative links and images are resolved against it. */
  readonly baseUrl?: string;
}

/** One conversion rule: an entry of `RULES`. */
export interface RuleDefinition {
  /** Turndown's rule key; unique. */
  readonly key: string;
  create(context: ConvertContext): TurndownService.Rule;
}

/**
 * Every conversion rule. When two match the same element, the one listed first wins, so specific
 * blocks (a `figure[data-ke-type=…]`) go above the generic ones they would otherwise fall into.
 * The helpers a rule needs follow the list, in the same order.
 */
export const RULES: readonly RuleDefinition[] = [
  // Never content: script source and stylesheets would otherwise leak in as text, and a noscript
  // fallback image would show the same image twice.
  {
    key: 'dropped',
    create: () => ({
      filter: ['script', 'style', 'noscript', 'template'],
      replacement: () => '',
    }),
  },

  /** TeX set aside by the prepare step, written back exactly as the author typed it. */
  {
    key: 'math',
    create: () => ({
      filter: (node) => node.nodeName === MATH_TAG.toUpperCase(),
      replacement: (_content, node) => asElement(node).getAttribute(MATH_ATTRIBUTE) ?? '',
    }),
  },

  /** A one-cell table is a box drawn around content: the content is kept, the box is not. */
  {
    key: 'boxTable',
    create: () => ({
      filter: (node) => node.nodeName === 'TABLE' && isSingleCellTable(asElement(node)),
      replacement: (content) => `\n\n${content}\n\n`,
    }),
  },

  /**
   * Tables GFM cannot express (merged cells; lists, headings, code or tables in cells) stay HTML, cleaned of
   * the editor's attributes, rather than being flattened into a table that says something else.
   */
  {
    key: 'htmlTable',
    create: ({ baseUrl }) => ({
      filter: (node) => {
        const table = asElement(node);
        return (
          table.nodeName === 'TABLE' &&
          !isSingleCellTable(table) &&
          (hasMergedCells(table) || hasDescendant(table, BLOCKS_IN_CELLS))
        );
      },
      replacement: (_content, node) => `\n\n${cleanHtml(asElement(node).outerHTML, baseUrl)}\n\n`,
    }),
  },

  /**
   * GFM table cells, replacing the plugin's: every `|` is escaped on its own (the plugin turns `||` into
   * one `\|`), and line breaks become `<br>`. Rows, the header and alignment stay with the plugin.
   */
  {
    key: 'tableCell',
    create: () => ({
      filter: ['th', 'td'],
      replacement: (content, rawNode) => {
        const cell = asElement(rawNode);
        const table = closestAncestor(cell, ['TABLE']);
        if (!table || isSingleCellTable(table)) return content;
        const text = content.trim().replace(/\\?\n/g, '<br>').replace(/\|/g, '\\|');
        const first = elementSiblings(cell)[0] === cell;
        return `${first ? '| ' : ' '}${text} |`;
      },
    }),
  },

  // The GFM plugin's table and row rules, with the same output, reading each table's shape once (see
  // `table-shape.ts`). Tables that must stay HTML never get here: `htmlTable` and `boxTable` come first.
  {
    key: 'gfmTableRow',
    create: () => ({
      filter: 'tr',
      replacement: (content, rawNode) => {
        const row = asElement(rawNode);
        const table = closestAncestor(row, ['TABLE']);
        if (!table || isSingleCellTable(table)) return content;
        if (!isHeadingRow(row)) return `\n${content}`;
        const { columnCount, alignments } = tableShape(table);
        const borders = alignments
          .slice(0, columnCount)
          .map((alignment, index) => `${index === 0 ? '| ' : ' '}${BORDERS[alignment]} |`);
        return `\n${content}\n${borders.join('')}`;
      },
    }),
  },
  {
    key: 'gfmTable',
    create: () => ({
      filter: 'table',
      replacement: (content, rawNode) => {
        const table = asElement(rawNode);
        if (isSingleCellTable(table)) return content;
        const rows = content.replace(/\n+/g, '\n');
        const lines = rows.trim().split('\n');
        const hasDivider = /\| :?---/.test(lines[lines.length >= 2 ? 1 : 0] ?? '');
        const { columnCount, alignments } = tableShape(table);
        // GFM needs a header row: a table without one gets an empty header.
        const emptyHeader =
          columnCount && !hasDivider
            ? `|${'     |'.repeat(columnCount)}\n|${alignments.map((alignment) => ` ${BORDERS[alignment]} |`).join('')}`
            : '';
        const caption = (table as CaptionHolder).querySelector?.('caption')?.textContent ?? '';
        return `\n\n${caption ? `${caption}\n\n` : ''}${`${emptyHeader}${rows}`.trimStart()}\n\n`;
      },
    }),
  },

  /** Fenced code with the block's language; the fence is longer than any backtick run in the code. */
  {
    key: 'codeBlock',
    create: () => ({
      filter: 'pre',
      replacement: (_content, rawNode) => {
        const pre = asElement(rawNode);
        const code = Array.from(pre.childNodes).find((child) => isElement(child) && child.nodeName === 'CODE');
        const text = codeText(pre).replace(/\n+$/, '');
        const fence = '`'.repeat(Math.max(3, longestBacktickRun(text) + 1));
        const language = codeLanguage(pre, code ? asElement(code) : null);
        return `\n\n${fence}${language}\n${text}\n${fence}\n\n`;
      },
    }),
  },

  /** `code` spans; the delimiter is one backtick longer than any run inside, padded when needed. */
  {
    key: 'inlineCode',
    create: () => ({
      filter: (node) => node.nodeName === 'CODE' && !closestAncestor(asElement(node), ['PRE']),
      replacement: (_content, rawNode) => {
        const text = codeText(asElement(rawNode)).replace(/\s*\n\s*/g, ' ');
        if (!text) return '';
        const delimiter = '`'.repeat(longestBacktickRun(text) + 1);
        // A span starting or ending in a backtick needs a space; so does one with a space at both ends
        // (CommonMark strips one space from each side when both are there).
        const padded = /^`|`$/.test(text) || /^ .*\S.* $/.test(text) ? ` ${text} ` : text;
        return `${delimiter}${padded}${delimiter}`;
      },
    }),
  },

  /** ATX headings on one line; a trailing ` #` would be read as the closing sequence, so it is escaped. */
  {
    key: 'heading',
    create: () => ({
      filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
      replacement: (content, rawNode) => {
        const level = Number(asElement(rawNode).nodeName.charAt(1));
        const text = content
          .replace(/\s*\n+\s*/g, ' ')
          .trim()
          .replace(/(^|\s)(#+)$/, '$1\\$2');
        return text ? `\n\n${'#'.repeat(level)} ${text}\n\n` : '';
      },
    }),
  },

  /** `> ` on every line; blank lines inside get a bare `>` (no trailing space). */
  {
    key: 'blockquote',
    create: () => ({
      filter: 'blockquote',
      replacement: (content) => {
        const body = content
          .replace(/^\n+|\n+$/g, '')
          .split('\n')
          .map((line) => (line ? `> ${line}` : '>'))
          .join('\n');
        return body ? `\n\n${body}\n\n` : '';
      },
    }),
  },

  /**
   * `<details>` (the "더보기" block) stays HTML around Markdown content: the blank lines end the HTML block,
   * so what is inside is still converted and rendered as Markdown.
   */
  {
    key: 'details',
    create: () => ({
      filter: 'details',
      replacement: (content) => `\n\n<details>\n${content.replace(/^\n+|\n+$/g, '')}\n\n</details>\n\n`,
    }),
  },

  /** The label of a `<details>`: inside an HTML block nothing is Markdown, so it is plain, escaped text. */
  {
    key: 'summary',
    create: () => ({
      filter: 'summary',
      replacement: (_content, node) => {
        const label = (asElement(node).textContent ?? '').replace(/\s+/g, ' ').trim() || '더보기';
        return `<summary>${escapeHtml(label)}</summary>\n\n`;
      },
    }),
  },

  /**
   * `ul`/`ol`; a list nested in an item hangs under the item's text with no blank line, as do sublists that
   * follow one another there (a blank line would make the whole list loose).
   */
  {
    key: 'list',
    create: () => ({
      filter: ['ul', 'ol'],
      replacement: (content, rawNode) => {
        const node = asElement(rawNode);
        if (node.parentNode?.nodeName === 'LI' && onlyListsFollow(node)) return `\n${content}\n`;
        return `\n\n${content}\n\n`;
      },
    }),
  },

  /** `- item` or `N. item` (counting from the list's `start`), continuation lines indented under the text. */
  {
    key: 'listItem',
    create: () => ({
      filter: 'li',
      replacement: (content, rawNode) => {
        const item = asElement(rawNode);
        const marker = item.parentNode?.nodeName === 'OL' ? `${itemNumber(item)}. ` : '- ';
        const indent = ' '.repeat(marker.length);
        const body = content.replace(/^\n+|\n+$/g, '').replace(/\n(?=[^\n])/g, `\n${indent}`);
        return `${marker}${body}${hasFollowingContent(item) ? '\n' : ''}`;
      },
    }),
  },

  /** A caption is an italic line right under its image (the `img + em` convention themes style). */
  {
    key: 'figcaption',
    create: () => ({
      filter: 'figcaption',
      replacement: (content) => {
        const text = content.trim().replace(/\\?\n+/g, ' ');
        return text ? `\n*${text}*\n\n` : '';
      },
    }),
  },

  /**
   * The `div.image-container` of an image grid (`figure.imagegridblock`) holds the images side by side;
   * as a block it would push the figure's caption a paragraph away from them.
   */
  {
    key: 'imageGridContainer',
    create: () => ({
      filter: (node) => node.nodeName === 'DIV' && /(?:^|\s)image-container(?:\s|$)/.test(asElement(node).className),
      replacement: (content) => content.trim(),
    }),
  },

  /**
   * Images at their original URL: the editor's `span[data-url]` around the img, else the img's own
   * source, unwrapped from the resizing proxy. Never a `srcset` thumbnail.
   */
  {
    key: 'image',
    create: ({ baseUrl }) => ({
      filter: 'img',
      replacement: (_content, rawNode) => {
        const img = asElement(rawNode);
        const source = imageSource(img);
        const url = source ? originalImageUrl(resolveUrl(source, baseUrl)) : originalFromSrcset(img);
        if (!url) return '';
        const alt = bracketText(imageAltText(altSources(img)));
        return `![${alt}](${markdownDestination(url)}${markdownTitle(img.getAttribute('title'))})`;
      },
    }),
  },

  /** Inline links, made absolute against the post URL; links that do nothing keep only their text. */
  {
    key: 'link',
    create: ({ baseUrl }) => ({
      filter: (node) => node.nodeName === 'A' && Boolean(asElement(node).getAttribute('href')?.trim()),
      replacement: (content, rawNode) => {
        const anchor = asElement(rawNode);
        const href = resolveUrl(anchor.getAttribute('href') ?? '', baseUrl);
        if (/^javascript:/i.test(href) || !content.trim()) return content;
        // A link that shows its own address reads best as one.
        const shown = (anchor.textContent ?? '').trim();
        if (shown && resolveUrl(shown, baseUrl) === href && !anchor.getAttribute('title')) return autolink(href);
        // Link text may not hold a blank line.
        const text = content.replace(/\n{2,}/g, '\n');
        return `[${text}](${markdownDestination(href)}${markdownTitle(anchor.getAttribute('title'))})`;
      },
    }),
  },

  /**
   * `<br>`: one is a hard line break (`\` at the end of the line, not trailing spaces); a run of two or
   * more is a paragraph break, the way the old editor separated paragraphs. Breaks at the start or end of
   * a block show nothing and are dropped (a trailing `\` would even print).
   */
  {
    key: 'lineBreak',
    create: () => ({
      filter: 'br',
      replacement: (_content, rawNode) => {
        const node = asElement(rawNode);
        if (closestAncestor(node, HEADINGS)) return ' ';
        const before = inlineNeighbour(node, 'previous', true).kind;
        const after = inlineNeighbour(node, 'next', true).kind;
        // Only the last <br> of a run speaks for the whole run.
        if (after !== 'content' || before === 'edge') return '';
        const paragraphBreak = before === 'break';
        // In a table cell, newlines become `<br>` in the cell rule.
        if (closestAncestor(node, TABLE_CELLS)) return paragraphBreak ? '\n\n' : '\n';
        return paragraphBreak ? '\n\n' : '\\\n';
      },
    }),
  },

  {
    key: 'strong',
    create: () => ({
      filter: ['strong', 'b'],
      replacement: (content, node) => wrapInline(content, asElement(node), '**', 'strong', STRONG_TAGS),
    }),
  },

  // `*`, not `_`: an underscore cannot emphasise part of a word (`한*글*`), which Korean text often does.
  {
    key: 'emphasis',
    create: () => ({
      filter: ['em', 'i'],
      replacement: (content, node) => wrapInline(content, asElement(node), '*', 'em', EMPHASIS_TAGS),
    }),
  },

  /** GFM `~~strikethrough~~`. */
  {
    key: 'strikethrough',
    create: () => ({
      filter: ['del', 's', 'strike'],
      replacement: (content, node) => wrapInline(content, asElement(node), '~~', 'del', STRIKETHROUGH_TAGS),
    }),
  },

  /**
   * Markdown has no underline. Authors use it for emphasis, so it is kept as `<u>`, which renderers show
   * and sanitisers that refuse it reduce to its text.
   */
  {
    key: 'underline',
    create: () => ({
      filter: ['u', 'ins'],
      replacement: (content) => (content.trim() ? `<u>${content}</u>` : content),
    }),
  },
];

// htmlTable: what a GFM table cell cannot hold.
const BLOCKS_IN_CELLS = ['UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR', 'BLOCKQUOTE', 'PRE', 'TABLE'];

// gfmTableRow and gfmTable

const BORDERS: Record<string, string> = { '': '---', left: ':---', right: '---:', center: ':---:' };

interface CaptionHolder extends DomElement {
  querySelector?(selector: string): DomNode | null;
}

/** A header row: in a THEAD, or the first row of the table (or of its first body) made of TH cells only. */
function isHeadingRow(row: DomElement): boolean {
  const parent = row.parentNode as DomElement | null;
  if (!parent) return false;
  if (parent.nodeName === 'THEAD') return true;
  const firstChild = parent.childNodes[0];
  return (
    firstChild === row &&
    (parent.nodeName === 'TABLE' || isFirstBody(parent)) &&
    Array.from(row.childNodes).every((cell) => cell.nodeName === 'TH')
  );
}

function isFirstBody(section: DomElement): boolean {
  if (section.nodeName !== 'TBODY') return false;
  const previous = section.previousSibling;
  return !previous || (previous.nodeName === 'THEAD' && /^\s*$/.test(previous.textContent ?? ''));
}

// list

const LISTS = ['UL', 'OL'];

function onlyListsFollow(node: DomNode): boolean {
  for (let next = node.nextSibling; next; next = next.nextSibling) {
    if (isElement(next) ? !LISTS.includes(next.nodeName) : /\S/.test(next.nodeValue ?? '')) return false;
  }
  return true;
}

// listItem

function itemNumber(item: DomElement): number {
  const start = Number.parseInt(asElement(item.parentNode).getAttribute('start') ?? '', 10);
  const position = elementSiblings(item)
    .filter((sibling) => sibling.nodeName === 'LI')
    .indexOf(item);
  return (Number.isFinite(start) ? start : 1) + position;
}

// lineBreak

const HEADINGS = ['H1', 'H2', 'H3', 'H4', 'H5', 'H6'];
const TABLE_CELLS = ['TD', 'TH'];

// strong, emphasis, strikethrough: each one's tags; inside an ancestor of the same kind no second delimiter is written.

const STRONG_TAGS = ['STRONG', 'B'];
const EMPHASIS_TAGS = ['EM', 'I'];
const STRIKETHROUGH_TAGS = ['DEL', 'S', 'STRIKE'];
