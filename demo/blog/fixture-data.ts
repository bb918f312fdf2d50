// The fixture blog's content, read from fixtures/blog: blog settings, posts, post bodies and templates.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FixtureCommentsData } from './fixture-comments.js';

export type PostUrlStyle = 'id' | 'slug';
export type FixturePostState = 'public' | 'protected' | 'deleted';

export interface FixturePost {
  id: string;
  slug: string;
  title: string;
  published: string;
  modified: string;
  categories: string[];
  tags: string[];
  author: string;
  /** A thumb-proxy URL, or null for Tistory's generic opengraph.png. */
  ogImage: string | null;
  state: FixturePostState;
  /** False for the oldest posts, which a capped sitemap leaves out. */
  inSitemap: boolean;
  /** Old-editor bodies are wrapped in a bare `contents_style`. */
  editor: 'new' | 'old';
  /** Body HTML as the editor stored it; empty for deleted posts. */
  body: string;
  /** A notice (`/notice/{id}`) or a static page (`/pages/{slug}`); absent for a post. */
  kind?: 'notice' | 'page';
  /** False for a page whose head states no entry id (no `article:txid`, no `T.entryInfo`). */
  statesId?: boolean;
}

export interface FixtureCategory {
  path: string[];
  id: string;
}

export interface FixtureComment {
  postId: string;
  commentId: string;
  name: string;
  text: string;
  time: string;
}

export interface FixtureBlogData {
  blogId: string;
  name: string;
  title: string;
  description: string;
  author: string;
  tistoryUrl: string;
  /** The blog's "today", so the calendar and counters do not depend on the machine's clock. */
  today: string;
  pageSize: number;
  rssItems: number;
  counters: { total: number; today: number; yesterday: number };
  categories: FixtureCategory[];
  links: { title: string; url: string }[];
  recentComments: FixtureComment[];
  /** Newest first, as every list shows them. */
  posts: FixturePost[];
  /** How many of the newest notices the sidebar's 공지사항 box shows. */
  sidebarNotices: number;
  /** Newest first (notices.json, bodies in posts/<id>.html); absent, the blog has none. */
  notices?: FixturePost[];
  /** Static pages in menu order (pages.json, bodies in posts/<id>.html); absent, the blog has none. */
  pages?: FixturePost[];
  skin: string;
  notFound: string;
  /** What the comment API answers (comments.json); absent, every post has none. */
  comments?: FixtureCommentsData;
}

/**
 * `fixtures/blog` of the project this file belongs to. Searched upward: the demo runs from its
 * TypeScript source under vitest and compiled under node_modules/.cache, at different depths.
 */
export const FIXTURE_BLOG_FOLDER = findFixtureBlogFolder(dirname(fileURLToPath(import.meta.url)));

function findFixtureBlogFolder(start: string): string {
  for (let folder = start; ; folder = dirname(folder)) {
    const candidate = join(folder, 'fixtures/blog/');
    if (existsSync(join(candidate, 'blog.json'))) return candidate;
    if (dirname(folder) === folder) throw new Error(`fixtures/blog not found above ${start}`);
  }
}

type PostRecord = Omit<FixturePost, 'body'>;
type BlogRecord = Omit<FixtureBlogData, 'posts' | 'skin' | 'notFound' | 'comments'>;

async function readText(folder: string, name: string): Promise<string> {
  return readFile(join(folder, name), 'utf8');
}

async function readBody(folder: string, post: PostRecord): Promise<string> {
  if (post.state === 'deleted') return '';
  return readText(folder, `posts/${post.id}.html`);
}

export async function loadFixtureBlog(folder: string = FIXTURE_BLOG_FOLDER): Promise<FixtureBlogData> {
  const blog = JSON.parse(await readText(folder, 'blog.json')) as BlogRecord;
  const records = JSON.parse(await readText(folder, 'posts.json')) as PostRecord[];
  const posts = await Promise.all(records.map(async (post) => ({ ...post, body: await readBody(folder, post) })));
  posts.sort((a, b) => Date.parse(b.published) - Date.parse(a.published));
  const [skin, notFound, comments, notices, pages] = await Promise.all([
    readText(folder, 'skin.html'),
    readText(folder, 'not-found.html'),
    readComments(folder),
    readEntries(folder, 'notices.json', 'notice'),
    readEntries(folder, 'pages.json', 'page'),
  ]);
  notices.sort((a, b) => Date.parse(b.published) - Date.parse(a.published));
  return { ...blog, posts, skin, notFound, ...(comments ? { comments } : {}), notices, pages };
}

/** What notices.json and pages.json say of each entry; the rest is what every notice and page shares. */
type EntryRecord = Pick<FixturePost, 'id' | 'title' | 'published' | 'modified' | 'author' | 'inSitemap'> &
  Partial<Pick<FixturePost, 'slug' | 'ogImage' | 'statesId'>>;

/** Notices and pages have no category or tags, and are public; a missing file means none. */
async function readEntries(folder: string, name: string, kind: 'notice' | 'page'): Promise<FixturePost[]> {
  const text = await readText(folder, name).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '[]';
    throw error;
  });
  const records = JSON.parse(text) as EntryRecord[];
  return Promise.all(
    records.map(async (record) => ({
      slug: '',
      categories: [],
      tags: [],
      ogImage: null,
      state: 'public' as const,
      editor: 'new' as const,
      ...record,
      kind,
      body: await readText(folder, `posts/${record.id}.html`),
    })),
  );
}

/** A blog folder without comments.json has no comments; a broken one is an error, not "none". */
async function readComments(folder: string): Promise<FixtureCommentsData | undefined> {
  const text = await readText(folder, 'comments.json').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  return text === null ? undefined : (JSON.parse(text) as FixtureCommentsData);
}

/** Posts a guest sees in lists: deleted ones are gone, protected ones show with a locked summary. */
export function listedPosts(blog: FixtureBlogData): FixturePost[] {
  return blog.posts.filter((post) => post.state !== 'deleted');
}

/** A category lists its own posts and those of its sub-categories. */
export function isInCategory(post: FixturePost, path: readonly string[]): boolean {
  return path.every((name, index) => post.categories[index] === name);
}

export function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, index) => b[index] === name);
}

export function categoryId(blog: FixtureBlogData, path: readonly string[]): string | null {
  return blog.categories.find((category) => samePath(category.path, path))?.id ?? null;
}
