import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import type { PostMeta } from '../../src/types.js';
import { flatten } from '../helpers/body-text.js';
import { chromeStringsIn, sessionSecrets } from '../helpers/chrome-strings.js';
import { loadPageFixture, loadPageFixtures, type ExpectedMeta } from '../helpers/page-fixtures.js';

/** What Tistory wraps around the post, and what a body must never carry into the converter. */
const NEVER_IN_BODY = 'script, style, ins, .revenue_unit_wrap, .container_postbtn, .another_category, .tt-calendar, [data-tistory-react-app]';

// These pages do not state the blog name (nor a kind: none is a notice or a static page).
const STATED_META_KEYS = [
  'id', 'url', 'title', 'published', 'updated', 'categories', 'tags', 'author', 'description', 'cover',
] as const satisfies readonly (keyof ExpectedMeta)[];

function statedMeta(meta: PostMeta): ExpectedMeta {
  return Object.fromEntries(STATED_META_KEYS.map((key) => [key, meta[key]])) as ExpectedMeta;
}

const fixtures = loadPageFixtures('pages');

describe.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('page fixture %s', (_, fixture) => {
  const { html } = fixture;
  const extraction = extractPost(html, fixture.fetchedUrl);

  it('has the expected status and metadata', () => {
    expect(extraction.status).toBe(fixture.status);
    const meta = 'meta' in extraction && extraction.meta ? statedMeta(extraction.meta) : null;
    expect(meta).toEqual(fixture.meta ?? null);
  });

  it('keeps chrome and session values out of every metadata field', () => {
    if (!('meta' in extraction) || !extraction.meta) return;
    const metaText = JSON.stringify(extraction.meta);
    expect(chromeStringsIn(metaText)).toEqual([]);
    for (const secret of sessionSecrets(html)) expect(metaText).not.toContain(secret);
  });

  if (fixture.status !== 'ok') return;

  const bodyHtml = extraction.status === 'ok' ? extraction.bodyHtml : '';
  const body = load(bodyHtml, null, false);
  const bodyText = flatten(body.root().text());

  it('keeps the whole post, from its first to its last phrase', () => {
    expect(fixture.bodyIncludes?.length).toBeGreaterThanOrEqual(3);
    for (const phrase of fixture.bodyIncludes ?? []) expect(bodyText).toContain(phrase);
    for (const phrase of fixture.bodyExcludes ?? []) expect(bodyText).not.toContain(phrase);
  });

  it('keeps chrome, ads, scripts and comments out of the body', () => {
    expect(chromeStringsIn(bodyText)).toEqual([]);
    expect(chromeStringsIn(bodyHtml)).toEqual([]);
    expect(body(NEVER_IN_BODY).length).toBe(0);
    expect(bodyHtml).not.toContain('<!--');
    for (const secret of sessionSecrets(html)) expect(bodyHtml).not.toContain(secret);
  });
});

describe('page fixtures', () => {
  it('come with an expected.json each, covering every status a page can have', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(14);
    expect(new Set(fixtures.map((fixture) => fixture.status))).toEqual(new Set(['ok', 'protected', 'missing']));
  });

  it('include an owner-saved page whose session values the checks above look for', () => {
    const secrets = sessionSecrets(loadPageFixture('pages', 'owner-logged-in').html);
    expect(secrets).toEqual(expect.arrayContaining(['hanbyeol.owner', 'hanbyeol.kang@kakao.com', '90412283']));
    expect(secrets.some((secret) => secret.startsWith('0wN3r'))).toBe(true);
  });
});
