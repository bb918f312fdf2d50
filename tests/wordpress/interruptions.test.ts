// -f wordpress against a real WordPress when things go wrong mid-run: the CLI killed with SIGKILL (twice)
// and run again, a 503 from the site on one post, an upload larger than PHP's post_max_size, and terms a
// killed run created without recording them. After each, `--wp-undo` (with no blog given) leaves the
// site as it was.

import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { startFixtureBlog } from '../../demo/blog/fixture-blog.js';
import { startFixtureCdn, type FixtureCdn } from '../../demo/blog/fixture-cdn.js';
import { runCli } from '../../src/cli/run.js';
import { AppPassword } from '../../src/publish/wordpress/app-password.js';
import { connectWordPress } from '../../src/publish/wordpress/connect.js';
import { MediaLibrary } from '../../src/publish/wordpress/media.js';
import { PublishState } from '../../src/publish/wordpress/state.js';
import { captureIo } from '../helpers/capture-io.js';
import { spawnCli, waitFor } from '../helpers/export-process.js';
import { beforeAllWith, itWith } from '../helpers/outside-programs.js';
import { exportedPosts, publishRecord, siteCounts, type SiteCounts } from './site-contents.js';
import { startWordPress, type WordPressSite } from './wordpress-site.js';

let site: WordPressSite;
let blog: Awaited<ReturnType<typeof startFixtureBlog>>;
let cdn: FixtureCdn;
let folder: string;
let before: SiteCounts;
const timings: Record<string, number> = {};

beforeAllWith(
  'wordpress',
  async () => {
    [site, blog, cdn] = await Promise.all([startWordPress(), startFixtureBlog(), startFixtureCdn()]);
    folder = await mkdtemp(join(tmpdir(), 'te-wp-interrupted-'));
    before = await siteCounts(site);
  },
  180_000,
);

afterAll(async () => {
  await Promise.all([site?.stop(), blog?.close(), cdn?.close()]);
  if (folder) await rm(folder, { recursive: true, force: true });
  if (Object.keys(timings).length > 0)
    console.log(`real WordPress interruption timings (ms): ${JSON.stringify(timings)}`);
});

const login = () => ['--wp-url', site.url, '--wp-user', site.user, '--wp-app-password', site.appPassword];
const exportArgs = (out: string) => [
  blog.url,
  ...['-o', out, '--rate', '0', '--concurrency', '2', '-f', 'jsonl,wordpress', '--comments'],
  ...login(),
  ...['--wp-status', 'publish'],
];

async function run(args: string[]) {
  const { io, out, err } = captureIo();
  const code = await runCli(args, io, { hostMap: cdn.hostMap });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** `--wp-undo` with no blog: the output folder's record is all it reads. */
async function undo(out: string): Promise<void> {
  const undone = await run(['--wp-undo', '-o', out, ...login()]);
  expect(undone.code, undone.stderr).toBe(0);
  expect(await siteCounts(site)).toEqual(before);
}

const recordedCount = async (out: string, what: 'posts' | 'media') =>
  Object.keys((await publishRecord(out, site.url).catch(() => null))?.[what] ?? {}).length;

/** Everything the export holds is on the site once: no post, upload, term or comment twice, and the record maps every post. */
async function expectEachPostOnce(out: string): Promise<void> {
  const posts = await exportedPosts(out);
  const record = await publishRecord(out, site.url);
  expect(Object.keys(record.posts).sort()).toEqual(posts.map((post) => post.id).sort());
  const ids = Object.values(record.posts).map((post) => post.id);
  expect(new Set(ids).size).toBe(ids.length);
  const now = await siteCounts(site);
  const added = (key: keyof SiteCounts) => now[key].filter((id) => !before[key].includes(id));
  expect([...added('posts'), ...added('pages')].sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
  expect(added('media').sort()).toEqual(
    Object.values(record.media)
      .map((media) => media.id)
      .sort(),
  );
  for (const taxonomy of ['categories', 'tags'] as const) {
    const terms = await site.all<{ name: string; parent?: number }>(`/wp/v2/${taxonomy}?hide_empty=false`);
    const keys = terms.map((term) => `${term.parent ?? 0}/${term.name}`);
    expect(new Set(keys).size, `${taxonomy}: ${keys.join(', ')}`).toBe(keys.length);
  }
  let comments = 0;
  for (const post of posts) {
    const onSite = await site.all(`/wp/v2/comments?post=${record.posts[post.id]!.id}&status=all&context=edit`);
    expect(onSite.length, post.url).toBe(post.commentCount);
    comments += onSite.length;
  }
  expect(added('comments')).toHaveLength(comments);
}

describe('-f wordpress on a real WordPress, interrupted', () => {
  itWith(
    'wordpress',
    'finishes a run killed twice with SIGKILL: every post on the site exactly once, then undone without a blog',
    async () => {
      const started = Date.now();
      const out = join(folder, 'killed');
      let recordedAtKill = 0;
      // The first kill lands once an upload is recorded, the second once two more posts are: mid-run each time.
      const kills = [
        async () => (await recordedCount(out, 'media')) >= 1,
        async () => (await recordedCount(out, 'posts')) >= recordedAtKill + 2,
      ];
      for (const killNow of kills) {
        const cli = spawnCli(exportArgs(out), cdn.hostMap);
        let exitedEarly = false;
        void cli.exited.then(() => (exitedEarly = true));
        await waitFor(async () => exitedEarly || (await killNow()), 'the run to get under way');
        expect(exitedEarly, `the run ended before it could be killed: ${cli.stderr()}`).toBe(false);
        cli.child.kill('SIGKILL');
        expect((await cli.exited).signal).toBe('SIGKILL');
        recordedAtKill = await recordedCount(out, 'posts');
      }
      const finished = spawnCli(exportArgs(out), cdn.hostMap);
      const { code } = await finished.exited;
      expect(code, finished.stderr()).toBe(0);
      const posts = await exportedPosts(out);
      expect(recordedAtKill).toBeLessThan(posts.length);
      await expectEachPostOnce(out);
      timings.killedTwiceAndFinished = Date.now() - started;
      await undo(out);
    },
    300_000,
  );

  itWith(
    'wordpress',
    'on a 503 for one post: one line, the others published and recorded, the post kept; the next run publishes it once',
    async () => {
      const started = Date.now();
      const out = join(folder, 'unavailable');
      const reference = (await exportedPosts(join(folder, 'killed'))).filter(
        (post) => post.type === 'post' && post.status === 'ok',
      );
      const victim = reference[Math.floor(reference.length / 2)]!;
      const rule = join(site.root, 'wp-content/fail-rest.json');
      const log = join(site.root, 'wp-content/fail-rest.log');
      await writeFile(
        rule,
        JSON.stringify({
          method: 'POST',
          route: '/wp/v2/posts',
          body_contains: `"title":${JSON.stringify(victim.title)}`,
        }),
      );
      let failed: Awaited<ReturnType<typeof run>>;
      try {
        failed = await run(exportArgs(out));
      } finally {
        await rm(rule);
      }
      expect(failed.code, failed.stderr).toBe(0);
      const lines = failed.stderr.split('\n').filter((line) => line.includes('WordPress'));
      expect(lines).toEqual([
        `warning: ${victim.url}: not published to WordPress, the next run tries again (WordPress at ${site.url} failed on POST /wp/v2/posts (503), 4 tries)`,
      ]);
      expect((await readFile(log, 'utf8')).trim().split('\n')).toHaveLength(4);
      const record = await publishRecord(out, site.url);
      const exported = (await exportedPosts(out)).map((post) => post.id);
      expect(Object.keys(record.posts).sort()).toEqual(exported.filter((id) => id !== victim.id).sort());
      const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as {
        posts: { id: string; status: string }[];
      };
      expect(manifest.posts.find((post) => post.id === victim.id)?.status).toBe('ok');
      const again = await run(exportArgs(out));
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).not.toContain('not published to WordPress');
      await expectEachPostOnce(out);
      timings.unavailableThenFinished = Date.now() - started;
      await undo(out);
    },
    180_000,
  );

  itWith(
    'wordpress',
    'names the file an upload larger than the web server takes, in one line, and records nothing',
    async () => {
      const limit = join(site.root, 'wp-content/upload-limit');
      await writeFile(limit, String(64 * 1024));
      const out = join(folder, 'too-large');
      await mkdir(join(out, 'assets'), { recursive: true });
      await writeFile(join(out, 'assets/big-notes.txt'), 'a'.repeat(200_000));
      const client = await connectWordPress({
        siteUrl: site.url,
        user: site.user,
        password: new AppPassword(site.appPassword),
      });
      const state = await PublishState.load(out, site.url);
      try {
        const upload = new MediaLibrary(client, state, out).upload({
          url: 'https://blog.example/big-notes.txt',
          kind: 'attachment',
          file: 'assets/big-notes.txt',
          name: 'big-notes.txt',
          sha256: 'ab'.repeat(32),
          bytes: 200_000,
        });
        await expect(upload).rejects.toThrow(
          new RegExp(
            `^WordPress at ${site.url} refused an upload as too large \\(big-notes\\.txt, 200000 bytes; 413\\); raise the site's upload limit \\(upload_max_filesize, post_max_size, or the web server's client_max_body_size\\) and run again$`,
          ),
        );
      } finally {
        await rm(limit);
      }
      expect(state.site.media).toEqual({});
      expect(await siteCounts(site)).toEqual(before);
    },
    60_000,
  );

  itWith(
    'wordpress',
    "takes as its own the category and tag a killed run created but did not record, and never the site's own",
    async () => {
      const out = join(folder, 'terms');
      const posts = (await exportedPosts(join(folder, 'killed'))).filter((post) => post.type === 'post');
      const category = posts.find((post) => post.categories.length > 0)!.categories[0]!;
      const [tagOfKilledRun, sitesOwnTag] = [...new Set(posts.flatMap((post) => post.tags))];
      // What a run killed between asking for the terms and recording them leaves: the terms on the site, noted in the record.
      const madeCategory = await site.rest<{ id: number }>('/wp/v2/categories', {
        method: 'POST',
        body: { name: category },
      });
      const madeTag = await site.rest<{ id: number }>('/wp/v2/tags', {
        method: 'POST',
        body: { name: tagOfKilledRun },
      });
      const ownTag = await site.rest<{ id: number }>('/wp/v2/tags', { method: 'POST', body: { name: sitesOwnTag } });
      await mkdir(join(out, '.tistory-export'), { recursive: true });
      await writeFile(
        join(out, '.tistory-export/wordpress.json'),
        JSON.stringify({
          version: 1,
          sites: {
            [site.url]: {
              posts: {},
              media: {},
              categories: {},
              tags: {},
              creatingTerms: [`categories:${category}`, `tags:${tagOfKilledRun}`],
            },
          },
        }),
      );
      const published = await run(exportArgs(out));
      expect(published.code, published.stderr).toBe(0);
      const record = JSON.parse(await readFile(join(out, '.tistory-export/wordpress.json'), 'utf8')).sites[site.url];
      expect(record.categories[category]).toEqual({ id: madeCategory.id, created: true });
      expect(record.tags[tagOfKilledRun!]).toEqual({ id: madeTag.id, created: true });
      expect(record.tags[sitesOwnTag!]).toEqual({ id: ownTag.id, created: false });
      expect(record.creatingTerms).toBeUndefined();
      const undone = await run(['--wp-undo', '-o', out, ...login()]);
      expect(undone.code, undone.stderr).toBe(0);
      // The site's own tag stays; the rest is as before.
      expect((await site.rest<{ name: string }>(`/wp/v2/tags/${ownTag.id}`)).name).toBe(sitesOwnTag);
      await site.rest(`/wp/v2/tags/${ownTag.id}?force=true`, { method: 'DELETE' });
      expect(await siteCounts(site)).toEqual(before);
    },
    120_000,
  );
});
