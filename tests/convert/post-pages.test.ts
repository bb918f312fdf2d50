import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../../src/convert/index.js';
import { extractPost } from '../../src/extract/index.js';
import { flatten } from '../helpers/body-text.js';
import { chromeStringsIn, sessionSecrets } from '../helpers/chrome-strings.js';
import { loadPageFixtures } from '../helpers/page-fixtures.js';

const postPages = loadPageFixtures().filter((fixture) => fixture.status === 'ok');

describe.each(postPages.map((fixture) => [fixture.name, fixture] as const))(
  'markdown of %s',
  (_, { html, fetchedUrl, bodyIncludes = [], chromeAllowed }) => {
    it('ends where the post ends and carries no chrome', () => {
      const extraction = extractPost(html, fetchedUrl);
      if (extraction.status !== 'ok') throw new Error(`expected an ok extraction, got ${extraction.status}`);
      const markdown = flatten(toMarkdown(extraction.bodyHtml, { baseUrl: extraction.meta.url }));
      expect(markdown).toContain(bodyIncludes.at(-1));
      expect(markdown).toContain(bodyIncludes[0]);
      expect(chromeStringsIn(markdown, chromeAllowed)).toEqual([]);
      for (const secret of sessionSecrets(html)) expect(markdown).not.toContain(secret);
    });
  },
);
