// -f wordpress against a real WordPress (Debian's packages, see wordpress-site.ts): the fixture blog is
// published, then read back through the REST API and the rendered pages; a re-run, a run whose record was
// cut short, a dry run, refusals, and the undo.

import { readFile, rm, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { startFixtureBlog } from '../../demo/blog/fixture-blog.js';
import { startFixtureCdn, type FixtureCdn } from '../../demo/blog/fixture-cdn.js';
import { flattenComments } from '../../src/comments/types.js';
import { captureIo } from '../helpers/capture-io.js';
import { beforeAllWith, itWith } from '../helpers/outside-programs.js';
import {
  exportedPosts as exportedPostsOf,
  publishRecord,
  type SiteCounts,
  siteCounts as siteCountsOf,
} from './site-contents.js';
import { isAlive, startWordPress, type WordPressSite } from './wordpress-site.js';

interface WpItem {
  id: number;
  link: string;
  slug: string;
  date_gmt: string;
  status: string;
  title: { raw: string };
  content: { raw: string; rendered: string };
  categories?: number[];
  tags?: number[];
  featured_media: number;
}

interface WpTerm {
  id: number;
  name: string;
  parent?: number;
}

type Blog = Awaited<ReturnType<typeof startFixtureBlog>>;

let site: WordPressSite;
let blog: Blog;
let cdn: FixtureCdn;
let outDir: string;
let before: SiteCounts;
const timings: Record<string, number> = {};

beforeAllWith(
  'wordpress',
  async () => {
    const started = Date.now();
    [site, blog, cdn] = await Promise.all([startWordPress(), startFixtureBlog(), startFixtureCdn()]);
    timings.startWordPress = Date.now() - started;
    outDir = await mkdtemp(join(tmpdir(), 'te-wp-out-'));
    before = await siteCounts();
  },
  180_000,
);

afterAll(async () => {
  await Promise.all([site?.stop(), blog?.close(), cdn?.close()]);
  // No PHP worker outlives the tests (they used to, one set per test file).
  if (site) expect(isAlive(site.serverGroup)).toBe(false);
  if (outDir) await rm(outDir, { recursive: true, force: true });
  if (Object.keys(timings).length > 0) console.log(`real WordPress test timings (ms): ${JSON.stringify(timings)}`);
});

async function publish(...extra: string[]) {
  const started = Date.now();
  const { io, out, err } = captureIo();
  const args = [blog.url, '-o', outDir, '--rate', '0', '--concurrency', '4', '-f', 'jsonl,wordpress', '--comments'];
  const wp = [
    '--wp-url',
    site.url,
    '--wp-user',
    site.user,
    '--wp-app-password',
    site.appPassword,
    '--wp-status',
    'publish',
  ];
  const code = await runCli([...args, ...wp, ...extra], io, { hostMap: cdn.hostMap });
  return { code, stdout: out.join(''), stderr: err.join(''), ms: Date.now() - started };
}

const siteCounts = () => siteCountsOf(site);
const exportedPosts = () => exportedPostsOf(outDir);
const record = () => publishRecord(outDir, site.url);

const gmt = (iso: string) => new Date(iso).toISOString().slice(0, 19);

describe('-f wordpress on a real WordPress', () => {
  itWith(
    'wordpress',
    'publishes every post of the fixture blog, beside jsonl',
    async () => {
      const run = await publish();
      timings.firstPublish = run.ms;
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout + run.stderr).not.toContain(site.appPassword);
      const posts = await exportedPosts();
      expect(posts.length).toBeGreaterThan(5);
      const published = await record();
      expect(Object.keys(published.posts).sort()).toEqual(posts.map((post) => post.id).sort());
      const after = await siteCounts();
      const created = (key: keyof SiteCounts) => after[key].filter((id) => !before[key].includes(id)).length;
      expect(created('posts') + created('pages')).toBe(posts.length);
      expect(created('pages')).toBe(posts.filter((post) => post.type !== 'post').length);
      expect(created('media')).toBe(Object.keys(published.media).length);
      expect(created('media')).toBeGreaterThan(0);
      // Nothing written anywhere holds the password.
      expect(await readFile(join(outDir, '.tistory-export/wordpress.json'), 'utf8')).not.toContain(site.appPassword);
      expect(await readFile(join(outDir, 'manifest.json'), 'utf8')).not.toContain(site.appPassword);
    },
    300_000,
  );

  itWith(
    'wordpress',
    'gives each post its title, exact date, slug, categories with their parents, tags, featured image and comments',
    async () => {
      const published = await record();
      const categories = await site.all<WpTerm>('/wp/v2/categories?hide_empty=false');
      const tags = await site.all<WpTerm>('/wp/v2/tags?hide_empty=false');
      const categoryPath = (id: number): string[] => {
        const term = categories.find((item) => item.id === id)!;
        return [...(term.parent ? categoryPath(term.parent) : []), term.name.replace(/&amp;/g, '&')];
      };
      let withComments = 0;
      let replies = 0;
      for (const post of await exportedPosts()) {
        const target = published.posts[post.id]!;
        const item = await site.rest<WpItem>(`/wp/v2/${target.type}/${target.id}?context=edit`);
        expect(item.title.raw).toBe(post.title);
        // Protected posts keep --wp-protected's draft, whatever --wp-status says.
        expect(item.status).toBe(post.status === 'ok' ? 'publish' : 'draft');
        if (post.published) expect(item.date_gmt, post.url).toBe(gmt(post.published));
        if (target.type === 'posts') {
          if (post.categories.length > 0) expect(item.categories!.map(categoryPath)).toEqual([post.categories]);
          const tagNames = item.tags!.map((id) => tags.find((tag) => tag.id === id)!.name.replace(/&amp;/g, '&'));
          expect(tagNames.sort()).toEqual([...new Set(post.tags)].sort());
        }
        if (post.status === 'ok' && post.cover)
          expect(item.featured_media, `${post.url} has a cover`).toBeGreaterThan(0);
        const comments = flattenComments(post.comments ?? []);
        const onSite = await site.all<{ id: number; parent: number; author_name: string; date_gmt: string }>(
          `/wp/v2/comments?post=${target.id}&status=all&context=edit`,
        );
        expect(onSite.length, post.url).toBe(comments.length);
        for (const comment of comments) {
          expect(
            onSite.some(
              (item) =>
                item.author_name === comment.author.name &&
                (comment.published === null || item.date_gmt === gmt(comment.published)),
            ),
          ).toBe(true);
        }
        if (comments.length > 0) withComments++;
        replies += onSite.filter((comment) => comment.parent !== 0).length;
      }
      expect(withComments).toBeGreaterThan(0);
      expect(replies).toBeGreaterThan(0);
    },
    120_000,
  );

  itWith(
    'wordpress',
    'serves every image from the media library and links posts to each other by their new permalinks',
    async () => {
      const published = await record();
      const links = Object.values(published.posts).map((post) => post.link);
      const exported = await exportedPosts();
      let internalLinks = 0;
      let images = 0;
      for (const post of exported.filter((item) => item.status === 'ok')) {
        const target = published.posts[post.id]!;
        const page = await fetch(target.link);
        expect(page.status, target.link).toBe(200);
        const html = await page.text();
        expect(html).toContain(`<article id="post-${target.id}">`);
        const body = html.slice(html.indexOf('<div class="entry-content">'));
        for (const [, src] of body.matchAll(/<img[^>]+src="([^"]+)"/g)) {
          expect(src, `${post.url} shows ${src}`).toMatch(new RegExp(`^${site.url}/wp-content/uploads/`));
          const image = await fetch(src!);
          expect(image.status).toBe(200);
          expect(image.headers.get('content-type')).toMatch(/^image\//);
          images++;
        }
        for (const [, href] of body.matchAll(/<a[^>]+href="([^"]+)"/g)) {
          const decoded = href!.replace(/&#038;/g, '&');
          // A link to another exported post leads to its WordPress page, never back to Tistory.
          expect(
            exported.some((other) => other.url === decoded),
            `${post.url} links to ${decoded}`,
          ).toBe(false);
          if (links.includes(decoded)) internalLinks++;
        }
      }
      expect(images).toBeGreaterThan(0);
      expect(internalLinks).toBeGreaterThan(0);
    },
    120_000,
  );

  itWith(
    'wordpress',
    'creates nothing twice on a re-run, nor after a run that died between creating posts and recording them',
    async () => {
      const published = await siteCounts();
      const again = await publish();
      timings.rerun = again.ms;
      expect(again.code, again.stderr).toBe(0);
      expect(await siteCounts()).toEqual(published);
      // What a kill -9 right after a create leaves: the object on the site, not in the record. Here every
      // post and upload at once (terms are recorded the moment they exist, like the rest).
      const file = join(outDir, '.tistory-export/wordpress.json');
      const saved = JSON.parse(await readFile(file, 'utf8')) as { sites: Record<string, Record<string, unknown>> };
      await writeFile(
        file,
        JSON.stringify({ version: 1, sites: { [site.url]: { ...saved.sites[site.url], posts: {}, media: {} } } }),
      );
      const recovered = await publish('--full');
      timings.recoveredRun = recovered.ms;
      expect(recovered.code, recovered.stderr).toBe(0);
      expect(await siteCounts()).toEqual(published);
      expect(Object.keys((await record()).posts)).toHaveLength((await exportedPosts()).length);
    },
    300_000,
  );

  itWith(
    'wordpress',
    'lists on a dry run what it would update, and changes nothing',
    async () => {
      const published = await siteCounts();
      const dry = await publish('--dry-run');
      expect(dry.code, dry.stderr).toBe(0);
      const count = (await exportedPosts()).length;
      expect(dry.stdout).toContain(`WordPress: 0 posts would be created, ${count} posts updated if changed:`);
      expect(dry.stdout).toMatch(new RegExp(`update\\t\\d+\\t${site.url}/`));
      expect(await siteCounts()).toEqual(published);
    },
    120_000,
  );

  itWith(
    'wordpress',
    'refuses a wrong password and a site with application passwords off, each in one line',
    async () => {
      const { io, err } = captureIo();
      const wrong = await runCli(
        [
          blog.url,
          '-o',
          outDir,
          '-f',
          'wordpress',
          '--wp-url',
          site.url,
          '--wp-user',
          site.user,
          '--wp-app-password',
          'abcd efgh ijkl mnop qrst uvwx',
        ],
        io,
        { hostMap: cdn.hostMap },
      );
      expect(wrong).toBe(1);
      expect(err.join('')).toMatch(
        /^tistory-export: WordPress at http:\/\/127\.0\.0\.1:\d+ refused the user name and application password \(401 \w+\); check --wp-user and --wp-app-password\n$/,
      );
      const flag = join(site.root, 'wp-content/no-application-passwords');
      await writeFile(flag, '');
      try {
        const off = captureIo();
        const code = await runCli(
          [
            blog.url,
            '-o',
            outDir,
            '-f',
            'wordpress',
            '--wp-url',
            site.url,
            '--wp-user',
            site.user,
            '--wp-app-password',
            site.appPassword,
          ],
          off.io,
          { hostMap: cdn.hostMap },
        );
        expect(code).toBe(1);
        expect(off.err.join('')).toMatch(
          /^tistory-export: WordPress at \S+ has application passwords turned off .*\n$/,
        );
      } finally {
        await rm(flag);
      }
    },
    60_000,
  );

  itWith(
    'wordpress',
    'undoes: the site holds again exactly what it held before, its own post among it',
    async () => {
      const started = Date.now();
      const { io, out, err } = captureIo();
      const code = await runCli(
        [
          blog.url,
          '-o',
          outDir,
          '--wp-undo',
          '--wp-url',
          site.url,
          '--wp-user',
          site.user,
          '--wp-app-password',
          site.appPassword,
        ],
        io,
      );
      timings.undo = Date.now() - started;
      expect(code, err.join('')).toBe(0);
      expect(out.join('')).toMatch(
        /^Removed from http:\/\/127\.0\.0\.1:\d+: \d+ posts, \d+ pages, \d+ media, \d+ categories, \d+ tags\.\n$/,
      );
      expect(await siteCounts()).toEqual(before);
      expect((await site.rest<WpItem>('/wp/v2/posts/1')).slug).toBe('hello-world');
    },
    120_000,
  );
});
