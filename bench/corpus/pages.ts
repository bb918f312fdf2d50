// The conversion corpus: whole post pages, chrome included. Most come from the fixture blog's renderer
// (skin #1 with the platform's ads, buttons, related posts, sidebar, calendar and toolbar); the rest are
// the hand-written pages of fixtures/post-pages (other skins, custom domains, old editor),
// each with a generated body put inside its `.contents_style`.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderPostPage } from '../../demo/blog/fixture-pages.js';
import type { FixtureSite } from '../../demo/blog/fixture-site.js';
import { generateBlog, generateBody, logUniform } from './posts.js';
import { createRandom } from './random.js';

export interface CorpusPage {
  url: string;
  html: string;
  source: string;
}

export interface Corpus {
  size: number;
  /** Made on demand from its index: the same page every time, and never the whole corpus in memory. */
  page(index: number): CorpusPage;
}

interface SkinPage {
  name: string;
  url: string;
  before: string;
  after: string;
}

const BODY_OPENING = /<div class="[^"]*\bcontents_style\b[^"]*"[^>]*>/g;
/** One page in this many is a fixture skin page; the others are rendered by the fixture blog. */
const SKIN_PAGE_EVERY = 5;

/** Fixture pages that export `ok` and have one `.contents_style`, split where a body goes in. */
function skinPages(root: string): SkinPage[] {
  const pages: SkinPage[] = [];
  for (const folder of ['fixtures/post-pages']) {
    const dir = join(root, folder);
    for (const name of readdirSync(dir)
      .filter((file) => file.endsWith('.html'))
      .sort()) {
      const expectedPath = join(dir, name.replace(/\.html$/, '.expected.json'));
      if (!existsSync(expectedPath)) continue;
      const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as {
        status?: string;
        fetchedUrl?: string;
        meta?: { url?: string };
      };
      const html = readFileSync(join(dir, name), 'utf8');
      const openings = [...html.matchAll(BODY_OPENING)];
      if (expected.status !== 'ok' || openings.length !== 1) continue;
      const at = openings[0]!.index + openings[0]![0].length;
      const url = expected.fetchedUrl ?? expected.meta?.url ?? 'https://example.tistory.com/1';
      pages.push({ name: `${folder}/${name}`, url, before: html.slice(0, at), after: html.slice(at) });
    }
  }
  return pages;
}

export function createCorpus(options: { size: number; seed?: number; root?: string }): Corpus {
  const seed = options.seed ?? 20250418;
  const root = options.root ?? process.cwd();
  const blog = generateBlog({
    posts: options.size,
    seed,
    minBodyBytes: 2_000,
    maxBodyBytes: 190_000,
    kind: 'mixed',
    root,
  });
  const site: FixtureSite = { origin: blog.tistoryUrl, blog, style: 'id' };
  const skins = skinPages(root);
  return {
    size: options.size,
    page(index) {
      const post = blog.posts[index]!;
      if (index % SKIN_PAGE_EVERY !== SKIN_PAGE_EVERY - 1 || skins.length === 0) {
        return { url: `${site.origin}/${post.id}`, html: renderPostPage(site, post), source: 'fixture-blog' };
      }
      const skin = skins[Math.floor(index / SKIN_PAGE_EVERY) % skins.length]!;
      const random = createRandom(seed + index);
      const body = generateBody({
        seed: seed * 7 + index,
        bytes: logUniform(random, 2_000, 190_000),
        kind: 'mixed',
        editor: 'new',
      });
      return { url: skin.url, html: `${skin.before}${body}${skin.after}`, source: skin.name };
    },
  };
}
