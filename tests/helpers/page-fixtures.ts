// Whole saved post pages, chrome included, each with what extracting it must give. Two folders of them:
// `skins` is one blog seen through every skin and metadata variant the anatomy lists; `pages` is a
// different blog for each page, as other people's blogs look.

import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BodyFoundBy, Extraction, PostMeta } from '../../src/types.js';

export type PageFixtureFolder = 'skins' | 'pages';

/** The post's metadata as extracted. `blogName` is stated by the `skins` pages only: the `pages` tests compare without it. */
export type ExpectedMeta = Omit<PostMeta, 'blogName'> & Partial<Pick<PostMeta, 'blogName'>>;

/** What `fixtures/<folder>/<name>.expected.json` states about `<name>.html`. A field left out states nothing. */
export interface PageExpectation {
  /** Where the page was fetched from, passed to the extractor; a `/m/` address for a mobile page. */
  fetchedUrl: string;
  status: Extraction['status'];
  /** The skin the extractor recognises, for an `ok` page. */
  skin?: string;
  /** How the extractor finds the body of an `ok` page. */
  bodyFoundBy?: BodyFoundBy;
  /** Phrases the reason of a `failed` page must contain. */
  errorIncludes?: string[];
  /** Left out for a page that carries no post (a deleted post's 404). */
  meta?: ExpectedMeta;
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

function pageFixtureDir(folder: PageFixtureFolder): string {
  return fileURLToPath(new URL(`../../fixtures/${folder}/`, import.meta.url));
}

export function loadPageFixture(folder: PageFixtureFolder, name: string): PageFixture {
  const dir = pageFixtureDir(folder);
  const expectedFile = `${folder}/${name}.expected.json`;
  const expected = JSON.parse(readFileSync(`${dir}${name}.expected.json`, 'utf8')) as PageExpectation;
  const unknown = Object.keys(expected).filter((field) => !(field in EXPECTATION_FIELDS));
  if (unknown.length > 0) throw new Error(`${expectedFile}: unknown fields ${unknown.join(', ')}`);
  if (typeof expected.fetchedUrl !== 'string' || typeof expected.status !== 'string') {
    throw new Error(`${expectedFile}: fetchedUrl and status are required`);
  }
  return { name, html: readFileSync(`${dir}${name}.html`, 'utf8'), ...expected };
}

/** Sorted by name, so that the tests run and report in the same order everywhere. */
export function loadPageFixtures(folder: PageFixtureFolder): PageFixture[] {
  return readdirSync(pageFixtureDir(folder))
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.slice(0, -'.html'.length))
    .sort()
    .map((name) => loadPageFixture(folder, name));
}
