import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderOptionsTable } from '../../src/cli/options-doc.js';
import { parseFormats } from '../../src/options.js';
import { UsageError } from '../../src/errors.js';

describe('options table', () => {
  it('is what docs/options.md documents', () => {
    const page = readFileSync(new URL('../../docs/options.md', import.meta.url), 'utf8');
    const section = /<!-- options:start -->\n([\s\S]*?)\n<!-- options:end -->/.exec(page)?.[1];
    expect(section).toBe(renderOptionsTable());
  });
});

describe('parseFormats', () => {
  it('accepts a comma-separated list, trimmed and de-duplicated', () => {
    expect(parseFormats(' markdown , jsonl,markdown')).toEqual(['markdown', 'jsonl']);
  });

  it('names the unknown format and the known ones', () => {
    expect(() => parseFormats('markdown,docx')).toThrow(UsageError);
    expect(() => parseFormats('markdown,docx')).toThrow(
      /unknown format "docx".*markdown, hugo, jekyll, hexo, astro, obsidian, wxr, ghost, jsonl/,
    );
  });
});
