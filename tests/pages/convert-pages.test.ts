import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../../src/convert/index.js';
import { extractPost } from '../../src/extract/index.js';
import { chromeStringsIn } from '../helpers/chrome-strings.js';
import { flatten, loadPageFixture, pageFixtureNames, sessionSecrets } from './page-fixtures.js';

const postPages = pageFixtureNames()
  .map(loadPageFixture)
  .filter((fixture) => fixture.expected.status === 'ok');

describe.each(postPages.map((fixture) => [fixture.name, fixture] as const))('markdown of %s', (_, { html, expected }) => {
  it('ends where the post ends and carries no chrome', () => {
    const extraction = extractPost(html, expected.url);
    if (extraction.status !== 'ok') throw new Error(`expected an ok extraction, got ${extraction.status}`);
    const markdown = flatten(toMarkdown(extraction.bodyHtml, { baseUrl: extraction.meta.url }));
    expect(markdown).toContain(expected.bodyIncludes.at(-1));
    expect(markdown).toContain(expected.bodyIncludes[0]);
    expect(chromeStringsIn(markdown)).toEqual([]);
    for (const secret of sessionSecrets(html)) expect(markdown).not.toContain(secret);
  });
});
