// Discovery of a category's or a tag's posts on the fixture blog: only the selection's lists are read
// (no whole-blog list), the sitemap and feed only date what they show, and a name the blog does not have
// is one clear error naming the categories it does have.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureBlog, type FixtureBlog } from '../../demo/blog/fixture-blog.js';
import { loadFixtureBlog, type FixtureBlogData } from '../../demo/blog/fixture-data.js';
import { discoverPosts } from '../../src/discover/discover-posts.js';
import { UsageError } from '../../src/errors.js';
import { WHOLE_BLOG, type PostSelection } from '../../src/selection/post-selection.js';
import { simpleFetcher } from '../helpers/simple-fetcher.js';

let data: FixtureBlogData;
let blog: FixtureBlog;
let slugBlog: FixtureBlog;

beforeAll(async () => {
  data = await loadFixtureBlog();
  [blog, slugBlog] = await Promise.all([
    startFixtureBlog({ blog: data, failFirst: {} }),
    startFixtureBlog({ blog: data, failFirst: {}, postUrlStyle: 'slug' }),
  ]);
});
afterAll(() => Promise.all([blog.close(), slugBlog.close()]));

/** The listed (not deleted) posts the fixture's data puts in `path` or under it, by id. */
function idsInCategory(path: string[]): string[] {
  return data.posts
    .filter((post) => post.state !== 'deleted' && path.every((name, index) => post.categories[index] === name))
    .map((post) => post.id)
    .sort((a, b) => Number(a) - Number(b));
}

function idsWithTag(tag: string): string[] {
  return data.posts
    .filter((post) => post.state !== 'deleted' && post.tags.includes(tag))
    .map((post) => post.id)
    .sort((a, b) => Number(a) - Number(b));
}

async function discover(target: FixtureBlog, selection: PostSelection) {
  const fetcher = simpleFetcher();
  const before = target.requests.length;
  const posts = await discoverPosts(target.url, fetcher, { selection });
  return { posts, requests: target.requests.slice(before) };
}

describe('discovering a category', () => {
  it('finds the category and its subcategories, and no post the sidebar links to', async () => {
    const expected = idsInCategory(['개발']);
    expect(expected.length).toBeGreaterThan(5); // more than one page of the list
    const { posts, requests } = await discover(blog, { categories: [['개발']], tag: null });
    expect(posts.map((post) => post.id)).toEqual(expected);
    expect(posts.every((post) => post.sources.includes('list'))).toBe(true);
    // The category's own list, page by page; never the lists of the whole blog.
    const lists = requests.filter((path) => !/^\/(?:robots\.txt|sitemap\.xml|rss)$/.test(path));
    expect(lists).toEqual(['/', '/category/%EA%B0%9C%EB%B0%9C', '/category/%EA%B0%9C%EB%B0%9C?page=2']);
  });

  it('finds a subcategory alone', async () => {
    const { posts } = await discover(blog, { categories: [['개발', 'Python']], tag: null });
    expect(posts.map((post) => post.id)).toEqual(idsInCategory(['개발', 'Python']));
  });

  it('dates the posts the sitemap has, and leaves the others undated', async () => {
    const { posts } = await discover(blog, { categories: [['개발']], tag: null });
    for (const post of posts) {
      const record = data.posts.find((candidate) => candidate.id === post.id)!;
      expect(post.lastmod === null, post.url).toBe(!record.inSitemap);
    }
  });

  it('reads the lists of several categories once each', async () => {
    const { posts, requests } = await discover(blog, { categories: [['여행'], ['일상 기록']], tag: null });
    expect(posts.map((post) => post.id)).toEqual(
      [...idsInCategory(['여행']), ...idsInCategory(['일상 기록'])].sort((a, b) => Number(a) - Number(b)),
    );
    expect(requests).toContain('/category/%EC%97%AC%ED%96%89');
    expect(requests).toContain('/category/%EC%9D%BC%EC%83%81%20%EA%B8%B0%EB%A1%9D');
  });

  it('spells a name as the blog does: python reads the list of Python', async () => {
    const { posts, requests } = await discover(blog, { categories: [['개발', 'python']], tag: null });
    expect(posts.map((post) => post.id)).toEqual(idsInCategory(['개발', 'Python']));
    expect(requests).toContain('/category/%EA%B0%9C%EB%B0%9C/Python');
  });

  it('finds the same posts on a blog whose post URLs are /entry/ slugs', async () => {
    const { posts } = await discover(slugBlog, { categories: [['개발', 'Python']], tag: null });
    const slugs = data.posts
      .filter((post) => idsInCategory(['개발', 'Python']).includes(post.id))
      .map((post) => `${slugBlog.url}/entry/${encodeURIComponent(post.slug)}`);
    expect(posts.map((post) => post.url).sort()).toEqual(slugs.sort());
  });

  it('refuses a category the blog does not have, naming those it has, before reading anything else', async () => {
    const before = blog.requests.length;
    const error = await discoverPosts(blog.url, simpleFetcher(), {
      selection: { categories: [['개발', 'Pyton']], tag: null },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(
      `category 개발/Pyton not found on ${blog.url} (HTTP 404); its categories: 개발, 개발/Python, 개발/JavaScript, 일상 기록, 여행`,
    );
    expect(blog.requests.slice(before)).toEqual(['/', '/category/%EA%B0%9C%EB%B0%9C/Pyton']);
  });
});

describe('discovering a tag', () => {
  it('finds every post with the tag; the sidebar links that come with the list are left to each page to settle', async () => {
    const { posts, requests } = await discover(blog, { categories: [], tag: 'Python' });
    const ids = posts.map((post) => post.id);
    for (const id of idsWithTag('Python')) expect(ids).toContain(id);
    expect(requests).toContain('/tag/Python');
    expect(requests.some((path) => path === '/category' || path.startsWith('/?page') || path === '/notice')).toBe(
      false,
    );
  });

  it('refuses a tag the blog does not have', async () => {
    await expect(
      discoverPosts(blog.url, simpleFetcher(), { selection: { categories: [], tag: '없는태그' } }),
    ).rejects.toThrow(`tag 없는태그 not found on ${blog.url} (HTTP 404)`);
  });
});

it('without a selection reads the whole blog as before', async () => {
  const { posts } = await discover(blog, WHOLE_BLOG);
  expect(posts.length).toBeGreaterThan(idsInCategory(['개발']).length);
});
