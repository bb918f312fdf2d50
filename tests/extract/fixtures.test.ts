import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { OWNER_SECRETS, chromeStringsIn } from '../helpers/chrome-strings.js';
import { bodyText } from '../helpers/body-text.js';
import { loadPageFixtures } from '../helpers/page-fixtures.js';

const fixtures = loadPageFixtures('skins');
const MIN_CHROME_PER_PAGE = 6;

describe('skin fixtures', () => {
  it('covers every skin and variant the anatomy lists', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(19);
    const skins = new Set(fixtures.map((fixture) => fixture.skin));
    for (const skin of ['ray', 'skin2', 'odyssey', 'bookclub', 'whatever', 'hello', 'mobile', 'unknown']) expect(skins).toContain(skin);
  });

  describe.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s', (_, fixture) => {
    const result = extractPost(fixture.html, fixture.fetchedUrl);

    it('carries the page chrome the extractor has to leave out', () => {
      // A fixture without chrome would let a leaky extractor pass. Mobile and password pages carry less of it.
      expect(chromeStringsIn(fixture.html).length).toBeGreaterThanOrEqual(MIN_CHROME_PER_PAGE);
    });

    it('has the expected status, skin and metadata', () => {
      expect(result.status).toBe(fixture.status);
      if (result.status === 'ok') expect(result.skin).toBe(fixture.skin);
      if (result.status === 'ok' && fixture.bodyFoundBy) expect(result.bodyFoundBy).toBe(fixture.bodyFoundBy);
      for (const phrase of fixture.errorIncludes ?? []) expect(result.status === 'failed' ? result.error : '').toContain(phrase);
      if (fixture.meta) {
        expect(result.status === 'ok' || result.status === 'protected').toBe(true);
        if (result.status === 'ok' || result.status === 'protected') expect(result.meta).toEqual(fixture.meta);
      }
    });

    if (fixture.status !== 'ok') return;
    const body = result.status === 'ok' ? result.bodyHtml : '';
    const text = bodyText(body);

    it('keeps the whole post, first to last paragraph', () => {
      expect(fixture.bodyIncludes?.length).toBeGreaterThanOrEqual(3);
      for (const phrase of fixture.bodyIncludes ?? []) expect(text).toContain(phrase);
      for (const markup of fixture.bodyHtmlIncludes ?? []) expect(body).toContain(markup);
    });

    it('leaves out every piece of page chrome', () => {
      expect(chromeStringsIn(text, fixture.chromeAllowed)).toEqual([]);
      for (const phrase of fixture.bodyExcludes ?? []) expect(text).not.toContain(phrase);
      for (const markup of fixture.bodyHtmlExcludes ?? []) expect(body).not.toContain(markup);
      expect(body).not.toMatch(/<script|<style|<!--|adsbygoogle|kakao_ad_area|revenue_unit|container_postbtn|another_category|data-tistory-react-app/);
    });
  });
});

describe('owner data', () => {
  const owner = fixtures.find((fixture) => fixture.name === 'owner-logged-in')!;

  it('is on the owner-saved page', () => {
    for (const secret of OWNER_SECRETS) expect(owner.html).toContain(secret);
  });

  it('never reaches the metadata or the body', () => {
    const serialised = JSON.stringify(extractPost(owner.html, owner.fetchedUrl));
    for (const secret of OWNER_SECRETS) expect(serialised).not.toContain(secret);
  });
});
