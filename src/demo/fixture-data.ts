// The fixture blog's content, read from fixtures/blog: blog settings, posts, post bodies and templates.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
  skin: string;
  notFound: string;
}

/** `fixtures/blog` at the package root: two levels up from both `src/demo` and `dist/demo`. */
export const FIXTURE_BLOG_FOLDER = fileURLToPath(new URL('../../fixtures/blog/', import.meta.url));

type PostRecord = Omit<FixturePost, 'body'>;
type BlogRecord = Omit<FixtureBlogData, 'posts' | 'skin' | 'notFound'>;

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
  const [skin, notFound] = await Promise.all([readText(folder, 'skin.html'), readText(folder, 'not-found.html')]);
  return { ...blog, posts, skin, notFound };
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
