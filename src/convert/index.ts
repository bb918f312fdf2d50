import { finishMarkdown } from './finish.js';
import type { CheerioAPI } from 'cheerio';
import { cleanBodyHtml } from './body-html.js';
import { parseBody, prepareForMarkdown, prepareStructure, renderSubstitutionCodes } from './prepare/index.js';
import { createTurndownService } from './service.js';
import { turndownRoot, withSettledTree } from './turndown-dom.js';

export interface ToMarkdownOptions {
  /** The post's URL: relative links and images are made absolute against it. */
  baseUrl?: string;
}

/**
 * Markdown for the body HTML of a post (the inside of `.contents_style`). Pure: no network, no disk.
 * The result has no trailing newline. The export's own path (`fragmentToMarkdownAndHtml`) runs the same
 * steps on the body it has already parsed.
 */
export function toMarkdown(bodyHtml: string, options: ToMarkdownOptions = {}): string {
  if (!bodyHtml.trim()) return '';
  const $ = parseBody(bodyHtml);
  prepareStructure($);
  return preparedToMarkdown($, options);
}

/**
 * The Markdown and the body as clean HTML (see `cleanBodyHtml`), both from the one prepared body: the
 * HTML formats lose what the Markdown loses, and keep what the Markdown keeps. Consumes the fragment. Pure.
 */
export function fragmentToMarkdownAndHtml(
  $: CheerioAPI,
  options: ToMarkdownOptions = {},
): { markdown: string; html: string } {
  prepareStructure($);
  // First, and from copies: the Markdown steps that follow turn players into links, which the HTML keeps.
  const html = cleanBodyHtml($, options.baseUrl);
  return { markdown: preparedToMarkdown($, options), html };
}

/**
 * Markdown for a body still in the tree it was found in (see `extractMarkdown`): the same steps as
 * `toMarkdown`, without the body's HTML. Consumes the fragment. Pure.
 */
export function fragmentToMarkdown($: CheerioAPI, options: ToMarkdownOptions = {}): string {
  renderSubstitutionCodes($);
  prepareStructure($);
  return preparedToMarkdown($, options);
}

/** The Markdown-only steps, then turndown. Consumes the fragment. */
function preparedToMarkdown($: CheerioAPI, options: ToMarkdownOptions): string {
  prepareForMarkdown($);
  const service = createTurndownService({ baseUrl: options.baseUrl });
  return finishMarkdown(withSettledTree(() => service.turndown(turndownRoot($))));
}
