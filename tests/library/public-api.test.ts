// The package's index is its promise to other tools: what docs/library.md documents and the types a
// caller names to use it. An internal contract exported by accident becomes one nobody may change, so
// the list is pinned here and a new export is a decision, not a side effect.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';

const INDEX = fileURLToPath(new URL('../../src/index.ts', import.meta.url));

const VALUES = [
  'ExportDiskFull',
  'ExportInterrupted',
  'UsageError',
  'discoverPosts',
  'extractMarkdown',
  'exportBlog',
  'extractPost',
  'toMarkdown',
];

const TYPES = [
  'AssetLayout',
  'BodyFoundBy',
  'ChangeReport',
  'ChangedPost',
  'CommentsMode',
  'DiscoverOptions',
  'DiscoveredPost',
  'DiscoveryEvent',
  'ExportEvent',
  'ExportOptions',
  'ExportResult',
  'Extraction',
  'FetchOptions',
  'FetchResponse',
  'Fetcher',
  'Format',
  'ImagesMode',
  'Manifest',
  'ManifestEntry',
  'PostMeta',
  'PostStatus',
  'ToMarkdownOptions',
];

/** Every name the index exports, values and types alike; an `export *` is reported as `*`. */
function exportedNames(): string[] {
  const source = ts.createSourceFile(INDEX, readFileSync(INDEX, 'utf8'), ts.ScriptTarget.Latest);
  const names: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isExportDeclaration(statement)) continue;
    const clause = statement.exportClause;
    if (clause === undefined || !ts.isNamedExports(clause)) names.push('*');
    else names.push(...clause.elements.map((element) => element.name.text));
  }
  return names.sort();
}

describe('the library index', () => {
  it('exports the documented API and the types it needs, nothing else', () => {
    expect(exportedNames()).toEqual([...VALUES, ...TYPES].sort());
  });

  it('exports each documented function and error class as a value', () => {
    expect(Object.keys(api).sort()).toEqual([...VALUES].sort());
    const values: Record<string, unknown> = { ...api };
    for (const name of VALUES) expect(typeof values[name], name).toBe('function');
  });
});
