// Generated posts for the fixture blog renderer (demo/blog): records in the shape of fixtures/blog, with
// bodies made of every editor block. Bodies are made on demand from the post's seed, so a server can
// play a 10,000-post blog without holding 10,000 bodies.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FixtureBlogData, FixturePost } from '../../demo/blog/fixture-data.js';
import {
  cdnPath,
  image,
  NEW_EDITOR_BLOCKS,
  OLD_EDITOR_BLOCKS,
  pickWeighted,
  TEXT_ONLY_BLOCKS,
  thumbnailOf,
  type BlockContext,
} from './blocks.js';
import { createRandom, type Random } from './random.js';
import { phrase } from './text.js';

export type BodyKind =
  /** Any block, images and files included (the conversion corpus). */
  | 'mixed'
  /** Exactly two images from blog.kakaocdn.net and no other file, so a crawl knows its requests. */
  | 'two-images';

export interface BodySpec {
  seed: number;
  /** Characters of body HTML to reach (generation stops at the first block past it); Hangul is 3 bytes each in UTF-8. */
  bytes: number;
  kind: BodyKind;
  editor: 'new' | 'old';
}

export function generateBody(spec: BodySpec): string {
  const random = createRandom(spec.seed);
  const context: BlockContext = { random, cdnUrl: (name) => cdnPath(random, name) };
  const blocks =
    spec.kind === 'two-images' ? TEXT_ONLY_BLOCKS : spec.editor === 'old' ? OLD_EDITOR_BLOCKS : NEW_EDITOR_BLOCKS;
  const parts: string[] = [];
  let size = 0;
  while (size < spec.bytes || parts.length === 0) {
    const html = pickWeighted(random, blocks)(context);
    parts.push(html);
    size += html.length + 1;
  }
  if (spec.kind === 'two-images') {
    parts.splice(Math.min(1, parts.length), 0, image(context));
    parts.splice(Math.ceil(parts.length / 2) + 1, 0, image(context));
  }
  return parts.join('\n');
}

/** The first image a body shows: what Tistory's og:image thumbnails. */
export function firstImageUrl(body: string): string | null {
  return /<img src="(https:\/\/blog\.kakaocdn\.net\/[^"]+)"/.exec(body)?.[1] ?? null;
}

/** Log-uniform between `min` and `max`: most posts are small, a few are very long. */
export function logUniform(random: Random, min: number, max: number): number {
  return Math.round(Math.exp(Math.log(min) + random.next() * (Math.log(max) - Math.log(min))));
}

export interface BlogSpec {
  posts: number;
  seed: number;
  /** Body characters, drawn log-uniform between these. */
  minBodyBytes: number;
  maxBodyBytes: number;
  kind: BodyKind;
  /** Share of posts written with the old editor (`mixed` bodies only). */
  oldEditorShare?: number;
  /** The package root (fixtures/blog holds the skin and settings); defaults to the working folder. */
  root?: string;
}

type BlogSettings = Omit<FixtureBlogData, 'posts' | 'skin' | 'notFound'>;

const START = Date.parse('2025-04-17T21:00:00+09:00');
const KST_MS = 9 * 3600 * 1000;

function kstIso(ms: number): string {
  return `${new Date(ms + KST_MS).toISOString().slice(0, 19)}+09:00`;
}

/**
 * The fixture blog's skin, settings and categories with `spec.posts` generated posts, newest first.
 * The sitemap lists only the newest 1,000, as Tistory's capped sitemap does; lists show 10 a page.
 */
export function generateBlog(spec: BlogSpec): FixtureBlogData {
  // Not FIXTURE_BLOG_FOLDER: the benchmark runs compiled from node_modules/.cache, far from fixtures/.
  const folder = join(spec.root ?? process.cwd(), 'fixtures/blog');
  const settings = JSON.parse(readFileSync(join(folder, 'blog.json'), 'utf8')) as BlogSettings;
  const skin = readFileSync(join(folder, 'skin.html'), 'utf8');
  const notFound = readFileSync(join(folder, 'not-found.html'), 'utf8');
  const random = createRandom(spec.seed);
  const posts: FixturePost[] = [];
  for (let index = 0; index < spec.posts; index++) {
    const id = String(spec.posts - index + 100);
    const published = START - index * 7 * 3600 * 1000 - random.int(0, 3600) * 1000;
    const editor = spec.kind === 'mixed' && random.chance(spec.oldEditorShare ?? 0.15) ? 'old' : 'new';
    const body: BodySpec = {
      seed: spec.seed * 100_003 + index,
      bytes: logUniform(random, spec.minBodyBytes, spec.maxBodyBytes),
      kind: spec.kind,
      editor,
    };
    const title = `${phrase(random, 2, 6)} ${id}`;
    const cover = firstImageUrl(generateBody(body));
    posts.push(
      lazyBody(
        {
          id,
          slug: title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, ''),
          title,
          published: kstIso(published),
          modified: kstIso(published + random.int(0, 48) * 3600 * 1000),
          categories: random.pick(settings.categories).path,
          tags: Array.from(
            new Set(
              Array.from({ length: random.int(0, 4) }, () =>
                random.pick(['Python', '여행', '맛집', 'Docker', '일상', '개발환경', 'React', 'C++']),
              ),
            ),
          ),
          author: settings.author,
          ogImage: cover ? thumbnailOf(cover, 'R800x0') : null,
          state: 'public',
          inSitemap: index < 1000,
          editor,
        },
        body,
      ),
    );
  }
  return { ...settings, pageSize: 10, posts, skin, notFound };
}

/** The body is made again on every read instead of being held. */
function lazyBody(record: Omit<FixturePost, 'body'>, spec: BodySpec): FixturePost {
  return Object.defineProperty(record, 'body', { get: () => generateBody(spec), enumerable: true }) as FixturePost;
}
