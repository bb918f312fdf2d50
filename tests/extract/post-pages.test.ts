// Every saved post page of fixtures/post-pages, extracted: the status, skin and whole metadata its
// expected.json states, the whole post from its first to its last phrase, and nothing of the page around
// it (chrome, ads, scripts, comments, a logged-in owner's session values).

import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { flatten } from '../helpers/body-text.js';
import { OWNER_SECRETS, chromeStringsIn, sessionSecrets } from '../helpers/chrome-strings.js';
import { loadPageFixture, loadPageFixtures } from '../helpers/page-fixtures.js';

const fixtures = loadPageFixtures();
const MIN_CHROME_PER_PAGE = 6;
/** Tistory answers a deleted post with its own error page: the blog's skin, and so its chrome, is not drawn. */
const PAGES_WITHOUT_SKIN = new Set(['missing-tistory-error-page']);
/** What Tistory wraps around the post, and what a body must never carry into the converter. */
const NEVER_IN_BODY =
  'script, style, ins, .revenue_unit_wrap, .container_postbtn, .another_category, .tt-calendar, [data-tistory-react-app]';
const NEVER_IN_BODY_HTML =
  /<script|<style|<!--|adsbygoogle|kakao_ad_area|revenue_unit|container_postbtn|another_category|data-tistory-react-app/;

describe('the post page fixtures', () => {
  it('cover every skin the anatomy lists and every status a page can have', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(36);
    const skins = new Set(fixtures.map((fixture) => fixture.skin));
    for (const skin of ['ray', 'skin2', 'odyssey', 'bookclub', 'whatever', 'hello', 'mobile', 'unknown'])
      expect(skins).toContain(skin);
    expect(new Set(fixtures.map((fixture) => fixture.status))).toEqual(
      new Set(['ok', 'protected', 'missing', 'failed']),
    );
  });

  it('name every page drawn without the blog skin', () => {
    for (const name of PAGES_WITHOUT_SKIN) expect(fixtures.map((fixture) => fixture.name)).toContain(name);
  });
});

describe.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s', (_, fixture) => {
  const { html } = fixture;
  const result = extractPost(html, fixture.fetchedUrl);
  const secrets = sessionSecrets(html);

  it('carries the page chrome the extractor has to leave out', () => {
    // A fixture without chrome would let a leaky extractor pass. Mobile and password pages carry less of it.
    if (PAGES_WITHOUT_SKIN.has(fixture.name)) expect(chromeStringsIn(html)).toEqual([]);
    else expect(chromeStringsIn(html).length).toBeGreaterThanOrEqual(MIN_CHROME_PER_PAGE);
  });

  it('has the expected status, skin and metadata', () => {
    expect(result.status).toBe(fixture.status);
    if (result.status === 'ok') expect(result.skin).toBe(fixture.skin);
    if (result.status === 'ok' && fixture.bodyFoundBy) expect(result.bodyFoundBy).toBe(fixture.bodyFoundBy);
    for (const phrase of fixture.errorIncludes ?? [])
      expect(result.status === 'failed' ? result.error : '').toContain(phrase);
    if (fixture.meta) {
      expect(result.status === 'ok' || result.status === 'protected').toBe(true);
      if (result.status === 'ok' || result.status === 'protected') expect(result.meta).toEqual(fixture.meta);
    }
    if (fixture.status === 'missing') expect(result).toEqual({ status: 'missing' });
  });

  it('keeps chrome and session values out of every metadata field', () => {
    if (!('meta' in result) || !result.meta) return;
    const metaText = JSON.stringify(result.meta);
    expect(chromeStringsIn(metaText, fixture.chromeAllowed)).toEqual([]);
    for (const secret of secrets) expect(metaText).not.toContain(secret);
  });

  if (fixture.status !== 'ok') return;
  const bodyHtml = result.status === 'ok' ? result.bodyHtml : '';
  const body = load(bodyHtml, null, false);
  const text = flatten(body.root().text());

  it('keeps the whole post, first to last phrase', () => {
    expect(fixture.bodyIncludes?.length).toBeGreaterThanOrEqual(3);
    for (const phrase of fixture.bodyIncludes ?? []) expect(text).toContain(phrase);
    for (const markup of fixture.bodyHtmlIncludes ?? []) expect(bodyHtml).toContain(markup);
  });

  it('leaves out chrome, ads, scripts, comments and session values', () => {
    expect(chromeStringsIn(text, fixture.chromeAllowed)).toEqual([]);
    expect(chromeStringsIn(bodyHtml, fixture.chromeAllowed)).toEqual([]);
    for (const phrase of fixture.bodyExcludes ?? []) expect(text).not.toContain(phrase);
    for (const markup of fixture.bodyHtmlExcludes ?? []) expect(bodyHtml).not.toContain(markup);
    expect(body(NEVER_IN_BODY).length).toBe(0);
    expect(bodyHtml).not.toMatch(NEVER_IN_BODY_HTML);
    for (const secret of secrets) expect(bodyHtml).not.toContain(secret);
  });
});

describe('the pages saved by a logged-in owner', () => {
  const owner = loadPageFixture('owner-logged-in');

  it('carry the session values the checks above look for', () => {
    for (const secret of OWNER_SECRETS) expect(owner.html).toContain(secret);
    const secrets = sessionSecrets(loadPageFixture('owner-logged-in-hello').html);
    expect(secrets).toEqual(expect.arrayContaining(['hanbyeol.owner', 'hanbyeol.kang@kakao.com', '90412283']));
    expect(secrets.some((secret) => secret.startsWith('0wN3r'))).toBe(true);
  });

  it('never let them reach the metadata or the body', () => {
    const serialised = JSON.stringify(extractPost(owner.html, owner.fetchedUrl));
    for (const secret of OWNER_SECRETS) expect(serialised).not.toContain(secret);
  });
});
