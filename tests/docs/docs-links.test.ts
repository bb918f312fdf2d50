import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { anchorsOf, brokenLinks, headingSlug, linksOf } from './markdown-links.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DOCS = readdirSync(join(ROOT, 'docs'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => `docs/${name}`);

/** The README is the front door: what the tool does, install, quick start, recipes, links. */
const README_LIMIT_BYTES = 10 * 1024;

describe('the README and docs/', () => {
  it('link only to files and headings that exist inside the repository', () => {
    expect(DOCS.length).toBeGreaterThan(0);
    expect(brokenLinks(ROOT, ['README.md', ...DOCS])).toEqual([]);
  });

  it('keep the README at 10 KB or less', () => {
    expect(statSync(join(ROOT, 'README.md')).size).toBeLessThanOrEqual(README_LIMIT_BYTES);
  });

  it('link every docs page from the README', () => {
    const linked = new Set(
      linksOf(readFileSync(join(ROOT, 'README.md'), 'utf8')).map((target) => target.split('#')[0]),
    );
    expect(DOCS.filter((page) => !linked.has(page))).toEqual([]);
  });
});

describe('the link check', () => {
  it('makes GitHub anchors of headings, Hangul, punctuation and repeats included', () => {
    expect(headingSlug('From the official backup (데이터 백업)')).toBe('from-the-official-backup-데이터-백업');
    expect(headingSlug('What a run reports: changes.json')).toBe('what-a-run-reports-changesjson');
    expect(headingSlug('Old posts (2010–2018)')).toBe('old-posts-20102018');
    expect(headingSlug('The `--cookie` option')).toBe('the---cookie-option');
    expect([...anchorsOf('# Notes\n\n## Notes\n\n```\n# not a heading\n```\n## C#\n')]).toEqual([
      'notes',
      'notes-1',
      'c',
    ]);
  });

  it('reports a missing file, a missing heading and a path outside the root, and passes good links', async () => {
    const root = await mkdtemp(join(tmpdir(), 'te-doc-links-'));
    await mkdir(join(root, 'docs'));
    await writeFile(join(root, 'docs/page.md'), '# Page\n\n## 백업 (zip)\n');
    await writeFile(
      join(root, 'README.md'),
      [
        '[good](docs/page.md) [good anchor](docs/page.md#백업-zip) [own heading](#readme) [web](https://example.com/x.md)',
        '[gone](docs/gone.md) [bad anchor](docs/page.md#nothing) [outside](../elsewhere.md)',
        '`[in code](docs/gone.md)`',
        '```',
        '[in a block](docs/gone.md)',
        '```',
        '# README',
      ].join('\n'),
    );
    expect(brokenLinks(root, ['README.md', 'docs/page.md'])).toEqual([
      'README.md: docs/gone.md: no such file',
      'README.md: docs/page.md#nothing: no heading with the anchor #nothing',
      'README.md: ../elsewhere.md: points outside the repository',
    ]);
  });
});
