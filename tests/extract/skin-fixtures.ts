import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PostMeta } from '../../src/types.js';

/** What `fixtures/skins/<name>.expected.json` states about `<name>.html`. */
export interface SkinFixture {
  name: string;
  html: string;
  fetchedUrl: string;
  status: 'ok' | 'protected' | 'missing';
  skin?: string;
  meta?: PostMeta;
  /** Phrases from the start, middle and end of the post, as body text. */
  bodyIncludes?: string[];
  /** Markup the converter needs, as body HTML. */
  bodyHtmlIncludes?: string[];
  bodyExcludes?: string[];
  bodyHtmlExcludes?: string[];
  /** Chrome strings the author wrote in the post itself (e.g. "반응형 웹"). */
  chromeAllowed?: string[];
}

export const SKINS_DIR = fileURLToPath(new URL('../../fixtures/skins/', import.meta.url));

export function readSkinFixture(name: string): SkinFixture {
  const expected = JSON.parse(readFileSync(`${SKINS_DIR}${name}.expected.json`, 'utf8')) as Omit<SkinFixture, 'name' | 'html'>;
  return { name, html: readFileSync(`${SKINS_DIR}${name}.html`, 'utf8'), ...expected };
}

export function allSkinFixtures(): SkinFixture[] {
  return readdirSync(SKINS_DIR)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => readSkinFixture(file.slice(0, -'.html'.length)));
}
