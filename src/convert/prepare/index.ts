import * as cheerio from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import { flattenDeepNesting, nestsTooDeep, shallowerHtml } from '../../util/deep-nesting/index.js';
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
import { protectLeadingNewlines } from './protect-leading-newlines.js';
import { promoteTableHeaders } from './promote-table-headers.js';
import { styledTextToTags } from './styled-text.js';
import { wrapMath } from './wrap-math.js';

/** A body as the converter reads it: the old editor's more/less codes expanded, parsed once. */
export function parseBody(html: string): CheerioAPI {
  return cheerio.load(expandMoreLessCodes(shallowerHtml(html)), null, false);
}

/**
 * The steps the Markdown and the clean HTML share: Tistory's editor blocks (collapsible, link card,
 * attachment) become the plain HTML they mean, old codes are expanded, styles that carry meaning become
 * tags, the old editor's stray lists are nested. Mutates the fragment.
 */
export function prepareStructure($: CheerioAPI): void {
  // First: turndown and cheerio recurse once per level, and a pasted post can nest thousands deep.
  flattenDeepNesting($.root().toArray());
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
 * math is set aside from escaping, the first table row becomes a header, code keeps its first blank line.
 */
export function prepareForMarkdown($: CheerioAPI): void {
  convertVideoBlocks($);
  convertEmbeds($);
  joinDisplayMath($);
  wrapMath($);
  promoteTableHeaders($);
  protectLeadingNewlines($);
}

/**
 * The body as Tistory meant it to be seen: old substitution codes that survive as text replaced by the
 * images and collapsible blocks they stand for. A body nested too deep for the parser and cheerio (see
 * `flattenDeepNesting`) is flattened as well, so the caller can parse and walk the result. Nothing else is
 * changed.
 */
export function renderSubstitutionCodes(html: string): string {
  // Most bodies hold no code at all and nest a few levels: then there is nothing to parse.
  const deep = nestsTooDeep(html);
  if (!deep && !html.includes('[##_') && !html.includes('[#M_')) return html;
  // `shallowerHtml` would scan the source again to learn what `deep` already says.
  const $: CheerioAPI = cheerio.load(expandMoreLessCodes(deep ? shallowerHtml(html) : html), null, false);
  if (deep) flattenDeepNesting($.root().toArray());
  expandImageCodes($);
  return $.html();
}
