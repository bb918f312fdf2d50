import * as cheerio from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import { flattenDeepNesting, shallowerHtml } from '../../util/deep-nesting/index.js';
import { convertEmbeds } from './blocks/embeds.js';
import { convertFileBlocks } from './blocks/file-block.js';
import { convertLinkCards } from './blocks/link-card.js';
import { convertMoreLess } from './blocks/more-less.js';
import { convertVideoBlocks } from './blocks/video.js';
import { dropEditorPlaceholders } from './drop-editor-placeholders.js';
import { expandImageCodes } from './expand-image-codes.js';
import { expandMoreLessCodes } from './expand-more-less-codes.js';
import { joinDisplayMath } from './join-display-math.js';
import { convertLiteralTextBlocks } from './literal-text-blocks.js';
import { nestStrayLists } from './nest-stray-lists.js';
import { normaliseText } from './normalise-text.js';
import { promoteTableHeaders } from './promote-table-headers.js';
import { CODE_ELEMENTS, textNodes } from './prose-text.js';
import { styledTextToTags } from './styled-text.js';
import { wrapMath } from './wrap-math.js';

/**
 * A body as the converter reads it: the old editor's more/less codes expanded, parsed once, and nested
 * no deeper than turndown and cheerio can recurse (a pasted post can nest thousands deep; see
 * `flattenDeepNesting`). A body found in a page needs none of this: the page was read the same way.
 */
export function parseBody(html: string): CheerioAPI {
  const $ = cheerio.load(expandMoreLessCodes(shallowerHtml(html)), null, false);
  flattenDeepNesting($.root().toArray());
  return $;
}

/**
 * The steps the Markdown and the clean HTML share: Tistory's editor blocks (collapsible, link card,
 * attachment) become the plain HTML they mean, old codes are expanded, styles that carry meaning become
 * tags, the old editor's stray lists are nested. Mutates the fragment.
 */
export function prepareStructure($: CheerioAPI): void {
  convertLiteralTextBlocks($);
  dropEditorPlaceholders($);
  normaliseText($);
  expandImageCodes($);
  styledTextToTags($);
  nestStrayLists($);
  convertMoreLess($);
  convertLinkCards($);
  convertFileBlocks($);
}

/**
 * The steps for Markdown alone, after `prepareStructure`: players become links (Markdown plays nothing),
 * math is set aside from escaping, the first table row becomes a header.
 */
export function prepareForMarkdown($: CheerioAPI): void {
  convertVideoBlocks($);
  convertEmbeds($);
  joinDisplayMath($);
  wrapMath($);
  promoteTableHeaders($);
}

/**
 * The body as Tistory meant it to be seen: old substitution codes that survive as text replaced by the
 * images and collapsible blocks they stand for. Nothing else is changed. Mutates the fragment.
 */
export function renderSubstitutionCodes($: CheerioAPI): void {
  // The old editor's `[#M_…_M#]` is markup written as text, its hidden part spanning paragraphs: it is
  // expanded in the HTML, so a body holding one (and only such a body, a rare old post) is parsed again.
  const texts = textNodes($, CODE_ELEMENTS);
  // Most bodies hold no code at all: one look at their text, and nothing else is done.
  if (!texts.some((node) => node.data.includes('[#M_') || node.data.includes('[##_'))) return;
  if (texts.some((node) => node.data.includes('[#M_'))) {
    const expanded = cheerio.load(expandMoreLessCodes($.html()), null, false).root()[0]!;
    const root = $.root()[0]!;
    root.children = expanded.children;
    for (const child of root.children) child.parent = root;
  }
  expandImageCodes($);
}
