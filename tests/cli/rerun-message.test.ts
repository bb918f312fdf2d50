// A re-run into a folder that holds an export finds the whole blog and fetches only what is new or
// changed: its first line says both numbers ("Found 0 posts" read as a blog gone empty). A dry run says
// the same, and is refused where a real run would be, writing nothing.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { discoveredLine } from '../../src/cli/discovered-line.js';
import { startFixtureBlog } from '../../demo/blog/fixture-blog.js';
import type { FixturePost } from '../../demo/blog/fixture-data.js';
import type { Manifest } from '../../src/types.js';
import { serveFixtureBlogAndCdn } from '../helpers/fixture-servers.js';
import { captureIo } from '../helpers/capture-io.js';
import { folderContents } from '../helpers/folder-contents.js';

const fixture = serveFixtureBlogAndCdn();

async function exportTo(outDir: string, ...extra: string[]) {
  const { out, err, io } = captureIo();
  const code = await runCli(
    [
      fixture.blog.url,
      '-o',
      outDir,
      '-f',
      'markdown',
      '--images',
      'none',
      '--rate',
      '0',
      '--concurrency',
      '4',
      ...extra,
    ],
    io,
  );
  return { code, stdout: out.join(''), stderr: err.join('') };
}

function foundLine(stderr: string): string | undefined {
  return stderr.split('\n').find((line) => line.startsWith('Found '));
}

function publish(post: FixturePost): void {
  fixture.data.posts = [...fixture.data.posts.filter((existing) => existing.id !== post.id), post].sort(
    (a, b) => Date.parse(b.published) - Date.parse(a.published),
  );
}

describe('the first line of a re-run', () => {
  it('says how many posts the folder already holds and how many are fetched, on a real run and a dry run', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'te-rerun-'));
    const first = await exportTo(outDir);
    expect(first.code, first.stderr).toBe(0);
    const found = (JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')) as Manifest).posts.length;
    expect(foundLine(first.stderr)).toBe(`Found ${found} posts.`);

    const original = fixture.data.posts;
    try {
      const changed = original.find((post) => post.id === '22')!;
      publish({ ...changed, modified: '2025-04-18T09:00:00+09:00', body: `${changed.body}\n<p>덧붙임.</p>` });
      publish({
        ...changed,
        id: '45',
        slug: '새-글',
        title: '새 글',
        published: '2025-04-17T20:00:00+09:00',
        modified: '2025-04-17T20:00:00+09:00',
      });
      const expected = `Found ${found + 1} posts: ${found - 1} already exported, 2 to fetch (1 new, 1 again).`;

      const held = await folderContents(outDir);
      const dryRun = await exportTo(outDir, '--dry-run');
      expect(dryRun.code, dryRun.stderr).toBe(0);
      expect(await folderContents(outDir)).toEqual(held);
      expect(foundLine(dryRun.stderr)).toBe(expected);
      expect(dryRun.stdout).toMatch(/^Dry run: 2 posts would be exported:\n {2}22\t.*\n {2}45\t/);

      const second = await exportTo(outDir);
      expect(second.code, second.stderr).toBe(0);
      expect(foundLine(second.stderr)).toBe(expected);

      const allHeld = `Found ${found + 1} posts: all ${found + 1} already exported; nothing to fetch.`;
      const third = await exportTo(outDir);
      expect(third.code, third.stderr).toBe(0);
      expect(foundLine(third.stderr)).toBe(allHeld);
      const dryAgain = await exportTo(outDir, '--dry-run');
      expect(foundLine(dryAgain.stderr)).toBe(allHeld);
      expect(dryAgain.stdout).toBe('Dry run: 0 posts would be exported.\n');

      expect(foundLine((await exportTo(outDir, '--full')).stderr)).toBe(
        `Found ${found + 1} posts: all ${found + 1} to fetch again.`,
      );
    } finally {
      fixture.data.posts = original;
    }
  });

  it('names what --since, --until and --limit left out', () => {
    const line = discoveredLine({
      type: 'discovered',
      total: 3,
      found: 60,
      alreadyExported: 16,
      again: 1,
      datesLeftOut: 21,
      dateFlags: '--since',
      limitLeftOut: 20,
    });
    expect(line).toBe(
      'Found 60 posts: 20 beyond --limit, 21 left out by --since, 16 already exported, 3 to fetch (2 new, 1 again).',
    );
    expect(
      discoveredLine({
        type: 'discovered',
        total: 0,
        found: 60,
        alreadyExported: 40,
        datesLeftOut: 20,
        dateFlags: '--since/--until',
      }),
    ).toBe('Found 60 posts: 20 left out by --since/--until, 40 already exported; nothing to fetch.');
    expect(discoveredLine({ type: 'discovered', total: 1, found: 1 })).toBe('Found 1 post.');
  });
});

describe("a dry run into another blog's export", () => {
  it('is refused as a real run is, with the same line and exit code, and writes nothing', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'te-rerun-other-'));
    expect((await exportTo(outDir, '--limit', '2')).code).toBe(0);
    const before = await folderContents(outDir);
    const other = await startFixtureBlog({ blog: fixture.data, failFirst: {} });
    try {
      const attempt = async (...extra: string[]) => {
        const { out, err, io } = captureIo();
        const code = await runCli([other.url, '-o', outDir, '--rate', '0', ...extra], io);
        return { code, stdout: out.join(''), stderr: err.join('') };
      };
      const real = await attempt();
      const dry = await attempt('--dry-run');
      expect(real.code).toBe(2);
      expect(real.stderr).toBe(
        `tistory-export: ${outDir} holds an export of ${fixture.blog.url}; choose another output folder for ${other.url}\n`,
      );
      expect(dry).toEqual(real);
      // Refused before any request: the other blog was never asked.
      expect(other.requests).toEqual([]);
      expect(await folderContents(outDir)).toEqual(before);
    } finally {
      await other.close();
    }
  });
});
