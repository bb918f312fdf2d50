// XML reading shared by the sitemap and RSS sources.

import { XMLParser, XMLValidator } from 'fast-xml-parser';

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  removeNSPrefix: true,
  // Item bodies are never needed for discovery; left raw, a feed of long escaped HTML parses faster.
  stopNodes: ['*.description', '*.encoded', '*.content'],
  isArray: (name) => ['url', 'sitemap', 'item'].includes(name),
});

/** The parsed document; throws with the validator's message when the text is not well-formed XML. */
export function parseXml(text: string): Record<string, unknown> {
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    throw new Error(`not well-formed XML (line ${validation.err.line}: ${validation.err.msg})`);
  }
  return parser.parse(text) as Record<string, unknown>;
}

/** Text content of a parsed element, whatever shape the parser gave it. */
export function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return textOf(value[0]);
  if (value && typeof value === 'object' && '#text' in value) return textOf((value as { '#text': unknown })['#text']);
  return null;
}

export function arrayOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export function childOf(value: unknown, name: string): unknown {
  return value && typeof value === 'object' ? (value as Record<string, unknown>)[name] : undefined;
}
