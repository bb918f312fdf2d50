import { afterAll, beforeAll } from 'vitest';
import { startFixtureBlog, type FixtureBlog } from '../../demo/blog/fixture-blog.js';
import { startFixtureCdn, type FixtureCdn } from '../../demo/blog/fixture-cdn.js';
import { loadFixtureBlog, type FixtureBlogData } from '../../demo/blog/fixture-data.js';

export interface ServedFixtureBlog {
  /** The blog's posts and settings; a test may edit them, and the server serves the edit. */
  data: FixtureBlogData;
  blog: FixtureBlog;
  cdn: FixtureCdn;
}

/**
 * The fixture blog (answering every request on the first try) and its CDN, started before the file's
 * tests and closed after them. The fields are set once the servers run: read them inside tests.
 */
export function serveFixtureBlogAndCdn(): ServedFixtureBlog {
  const served = {} as ServedFixtureBlog;
  beforeAll(async () => {
    served.data = await loadFixtureBlog();
    [served.blog, served.cdn] = await Promise.all([
      startFixtureBlog({ blog: served.data, failFirst: {} }),
      startFixtureCdn(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([served.blog?.close(), served.cdn?.close()]);
  });
  return served;
}
