// Whole saved post pages, chrome included, each with what extracting it must give (fixtures/post-pages,
// described in fixtures/README.md).

import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BodyFoundBy, Extraction, PostMeta } from '../../src/types.js';

/** What `fixtures/post-pages/<name>.expected.json` states about `<name>.html`. A field left out states nothing. */
export interface PageExpectation {
  /** Where the page was fetched from, passed to the extractor; a `/m/` address for a mobile page. */
  fetchedUrl: string;
  status: Extraction['status'];
  /** The skin the extractor recognises: required for an `ok` page. */
  skin?: string;
  /** How the extractor finds the body of an `ok` page. */
  bodyFoundBy?: BodyFoundBy;
  /** Phrases the reason of a `failed` page must contain. */
  errorIncludes?: string[];
  /** The whole metadata as extracted; left out for a page that carries no post (a deleted post's 404). */
  meta?: PostMeta;
  /**
   * Phrases of the body text (whitespace folded) from its start, middle and end, in that order: the last
   * one is where the post ends.
   */
  bodyIncludes?: string[];
  /** Markup the converter relies on, in the body HTML. */
  bodyHtmlIncludes?: string[];
  /** Text around the post (other posts, comments, dates, buttons) that must not reach the body text. */
  bodyExcludes?: string[];
  bodyHtmlExcludes?: string[];
  /** Chrome strings the author wrote in the post itself (e.g. "반응형 웹"). */
  chromeAllowed?: string[];
}

export interface PageFixture extends PageExpectation {
  name: string;
  html: string;
}

// Every field the schema has, so that a misspelt or renamed field fails loudly instead of stating nothing.
const EXPECTATION_FIELDS: Record<keyof PageExpectation, true> = {
  fetchedUrl: true,
  status: true,
  skin: true,
  bodyFoundBy: true,
  errorIncludes: true,
  meta: true,
  bodyIncludes: true,
  bodyHtmlIncludes: true,
  bodyExcludes: true,
  bodyHtmlExcludes: true,
  chromeAllowed: true,
};

// Every field a post's metadata has (`kind` is for notices and static pages, and none of these pages is
// one): a page stating only some of them would compare only those.
const META_FIELDS: Record<Exclude<keyof PostMeta, 'kind'>, true> = {
  id: true,
  url: true,
  title: true,
  published: true,
  updated: true,
  categories: true,
  tags: true,
  author: true,
  description: true,
  cover: true,
  blogName: true,
};

const PAGE_DIR = fileURLToPath(new URL('../../fixtures/post-pages/', import.meta.url));

export function loadPageFixture(name: string): PageFixture {
  const expectedFile = `post-pages/${name}.expected.json`;
  const expected = JSON.parse(readFileSync(`${PAGE_DIR}${name}.expected.json`, 'utf8')) as PageExpectation;
  const unknown = Object.keys(expected).filter((field) => !(field in EXPECTATION_FIELDS));
  if (unknown.length > 0) throw new Error(`${expectedFile}: unknown fields ${unknown.join(', ')}`);
  if (typeof expected.fetchedUrl !== 'string' || typeof expected.status !== 'string') {
    throw new Error(`${expectedFile}: fetchedUrl and status are required`);
  }
  if (expected.status === 'ok' && typeof expected.skin !== 'string')
    throw new Error(`${expectedFile}: an ok page states its skin`);
  if (expected.meta) {
    const stated = Object.keys(expected.meta).sort().join(', ');
    const required = Object.keys(META_FIELDS).sort().join(', ');
    if (stated !== required)
      throw new Error(`${expectedFile}: meta states ${stated}; it must state exactly ${required}`);
  }
  return { name, html: readFileSync(`${PAGE_DIR}${name}.html`, 'utf8'), ...expected };
}

/** Sorted by name, so that the tests run and report in the same order everywhere. */
export function loadPageFixtures(): PageFixture[] {
  return readdirSync(PAGE_DIR)
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.slice(0, -'.html'.length))
    .sort()
    .map((name) => loadPageFixture(name));
}
