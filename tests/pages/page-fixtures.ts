import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PostMeta, PostStatus } from '../../src/types.js';

export const PAGES_DIR = fileURLToPath(new URL('../../fixtures/pages/', import.meta.url));

/** The facts every page fixture states about itself in `<name>.expected.json`. */
export type ExpectedMeta = Omit<PostMeta, 'blogName'>;

export interface ExpectedPage {
  /** The URL the page is "fetched" from. */
  url: string;
  status: PostStatus;
  /** Null for pages that carry no post (the 404 page). */
  meta: ExpectedMeta | null;
  /** Phrases from the start, middle and end of the body, in that order: the last one is the end. */
  bodyIncludes: string[];
  bodyExcludes?: string[];
}

export interface PageFixture {
  name: string;
  html: string;
  expected: ExpectedPage;
}

export const EXPECTED_META_KEYS = [
  'id', 'url', 'title', 'published', 'updated', 'categories', 'tags', 'author', 'description', 'cover',
] as const satisfies readonly (keyof ExpectedMeta)[];

export function pageFixtureNames(): string[] {
  return readdirSync(PAGES_DIR)
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.slice(0, -'.html'.length))
    .sort();
}

export function loadPageFixture(name: string): PageFixture {
  const html = readFileSync(`${PAGES_DIR}${name}.html`, 'utf8');
  const expected = JSON.parse(readFileSync(`${PAGES_DIR}${name}.expected.json`, 'utf8')) as ExpectedPage;
  return { name, html, expected };
}

/** The meta fields an expected.json states, taken from an extraction's meta. */
export function comparableMeta(meta: PostMeta): ExpectedMeta {
  return Object.fromEntries(EXPECTED_META_KEYS.map((key) => [key, meta[key]])) as ExpectedMeta;
}

/**
 * Values a logged-in owner's (or a guest's) page carries that identify the session: the TistoryBlog
 * token, the login in `window.initData` and `T.config.USER`. Read from the page itself so every
 * fixture is checked for them.
 */
export function sessionSecrets(html: string): string[] {
  const patterns = [
    /\btoken\s*:\s*["']([^"']+)["']/g,
    /"loginId"\s*:\s*"([^"]+)"/g,
    /"USER"\s*:\s*\{\s*"name"\s*:\s*"([^"]+)"/g,
    /"userId"\s*:\s*"?([^",}]+)"?/g,
  ];
  const secrets = patterns.flatMap((pattern) => [...html.matchAll(pattern)].map((match) => match[1] ?? ''));
  return [...new Set(secrets.filter((secret) => secret.length >= 4))];
}

/** Text with runs of whitespace (including &nbsp;) collapsed, for phrase matching. */
export function flatten(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}
