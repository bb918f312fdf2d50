import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureBlog, type FixtureBlog } from '../../demo/blog/fixture-blog.js';
import { discoverPosts } from '../../src/discover/discover-posts.js';
import type { DiscoveryEvent } from '../../src/discover/events.js';
import { discoveryTally } from '../../src/discover/progress-tally.js';
import { exportBlog } from '../../src/export.js';
import type { ExportEvent, Fetcher } from '../../src/types.js';
import { simpleFetcher } from '../helpers/simple-fetcher.js';

type Progress = Extract<DiscoveryEvent, { type: 'progress' }>;

/** Counts the answers discovery could read (2xx): each is one page read, and nothing else is. */
function countingFetcher(): Fetcher & { answered: () => number } {
  const inner = simpleFetcher();
  let answered = 0;
  return {
    answered: () => answered,
    async get(url, options) {
      const response = await inner.get(url, options);
      if (response.status >= 200 && response.status <= 299) answered++;
      return response;
    },
  };
}

describe.each(['id', 'slug'] as const)('discovery progress on the fixture blog (%s URLs)', (postUrlStyle) => {
  let blog: FixtureBlog;

  beforeAll(async () => {
    blog = await startFixtureBlog({ postUrlStyle, failFirst: {} });
  });
  afterAll(() => blog.close());

  it('reports after every page read, counting up to the posts found, with no request of its own', async () => {
    const events: DiscoveryEvent[] = [];
    const fetcher = countingFetcher();
    const found = await discoverPosts(blog.url, fetcher, { onEvent: (event) => events.push(event) });
    const progress = events.filter((event): event is Progress => event.type === 'progress');
    expect(progress.map((event) => event.pagesRead)).toEqual(progress.map((_, index) => index + 1));
    expect(progress.length).toBe(fetcher.answered());
    expect(progress.length).toBeGreaterThan(3);
    const counts = progress.map((event) => event.postsFound);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.at(-1)).toBe(found.length);
  });
});

describe('the running count of distinct posts', () => {
  const origin = 'https://a.tistory.com';
  const run = (pages: { href: string; id?: string; source: 'sitemap' | 'rss' | 'list' }[][], listsOnly = false) => {
    const counts: number[] = [];
    const pageRead = discoveryTally(origin, [], (event) => event.type === 'progress' && counts.push(event.postsFound), {
      listsOnly,
    });
    for (const page of pages)
      pageRead(
        page.map((candidate) => ({
          href: candidate.href,
          id: candidate.id ?? null,
          lastmod: null,
          source: candidate.source,
        })),
      );
    return counts;
  };

  it('counts a post seen on several pages, and under its /m/ address, once', () => {
    expect(
      run([
        [
          { href: `${origin}/1`, source: 'sitemap' },
          { href: `${origin}/2`, source: 'sitemap' },
        ],
        [
          { href: `${origin}/m/2`, source: 'list' },
          { href: `${origin}/3`, source: 'list' },
          { href: 'https://elsewhere.com/4', source: 'list' },
        ],
      ]),
    ).toEqual([2, 3]);
  });

  it('counts /123 and /entry/slug once as soon as a feed ties them, as the merge does', () => {
    expect(
      run([
        [{ href: `${origin}/entry/hello`, source: 'list' }],
        [{ href: `${origin}/7`, source: 'sitemap' }],
        [{ href: `${origin}/entry/hello`, id: '7', source: 'rss' }],
        [
          { href: `${origin}/7`, source: 'list' },
          { href: `${origin}/entry/hello`, source: 'list' },
        ],
      ]),
    ).toEqual([1, 2, 1, 1]);
  });

  it('counts only list posts when a category or tag selects them (the feeds then only date them)', () => {
    expect(
      run([[{ href: `${origin}/1`, source: 'sitemap' }], [{ href: `${origin}/2`, source: 'list' }]], true),
    ).toEqual([0, 1]);
  });
});

describe('the export event stream', () => {
  let blog: FixtureBlog;
  beforeAll(async () => {
    blog = await startFixtureBlog({ failFirst: {} });
  });
  afterAll(() => blog.close());

  it('carries discovery-progress between discovering and discovered', async () => {
    const events: ExportEvent[] = [];
    const result = await exportBlog({
      source: blog.url,
      dryRun: true,
      fetcher: simpleFetcher(),
      onEvent: (event) => events.push(event),
    });
    const types = events.map((event) => event.type).filter((type) => type.startsWith('discover'));
    const first = types.indexOf('discovery-progress');
    expect(types[0]).toBe('discovering');
    expect(first).toBe(1);
    expect(types.at(-1)).toBe('discovered');
    expect(types.slice(1, -1).every((type) => type === 'discovery-progress')).toBe(true);
    const last = events.filter((event) => event.type === 'discovery-progress').at(-1);
    expect(last).toMatchObject({ type: 'discovery-progress', postsFound: result.discovered.length });
    expect(Object.keys(last!).sort()).toEqual(['pagesRead', 'postsFound', 'type']);
  });
});
