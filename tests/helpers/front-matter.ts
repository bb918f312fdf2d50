// The YAML front matter of a written post, parsed.

import { parse } from 'yaml';

export function frontMatterOf(document: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(document);
  if (!match) throw new Error('no front matter');
  return parse(match[1]!) as Record<string, unknown>;
}
