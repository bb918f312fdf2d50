import { finishMarkdown } from './finish.js';
import type { CheerioAPI } from 'cheerio';
import { prepareFragment, prepareHtml } from './prepare/index.js';
import { createTurndownService } from './service.js';

export interface ToMarkdownOptions {
  /** The post's URL: relative links and images are made absolute against it. */
  baseUrl?: string;
}

/**
 * Markdown for the body HTML of a post (the inside of `.contents_style`). Pure: no network, no disk.
 * The result has no trailing newline.
 */
export function toMarkdown(bodyHtml: string, options: ToMarkdownOptions = {}): string {
  if (!bodyHtml.trim()) return '';
  const service = createTurndownService({ baseUrl: options.baseUrl });
  return finishMarkdown(service.turndown(prepareHtml(bodyHtml)));
}

/**
 * `toMarkdown` for a body the caller has already parsed and no longer needs: the prepare steps run on
 * that DOM instead of a fresh parse of its HTML. Consumes (mutates) the fragment. Pure.
 */
export function fragmentToMarkdown($: CheerioAPI, options: ToMarkdownOptions = {}): string {
  prepareFragment($);
  const html = $.html();
  if (!html.trim()) return '';
  const service = createTurndownService({ baseUrl: options.baseUrl });
  return finishMarkdown(service.turndown(html));
}
