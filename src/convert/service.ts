import { tables } from '@joplin/turndown-plugin-gfm';
import TurndownService from 'turndown';
import { escapeMarkdownText } from './escape.js';
import { type ConvertContext, RULES } from './rules.js';

/** The one place turndown is configured: Markdown style, the GFM table plugin, our rules, our escaping. */
export function createTurndownService(context: ConvertContext): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    hr: '---',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    fence: '```',
    emDelimiter: '*',
    strongDelimiter: '**',
    linkStyle: 'inlined',
  });
  service.use(tables);
  // Turndown tries the most recently added rule first, and ours must beat the plugin's and its own.
  for (const definition of [...RULES].reverse()) service.addRule(definition.key, definition.create(context));
  service.escape = escapeMarkdownText;
  return service;
}
