// One post named on the command line. A script must tell a mistyped or deleted address from a post that
// was exported (exit 1 and "not found"), and running the same post again reports what changed as a
// blog run does: nothing, when the export came out byte for byte the same.

import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { exitCodeOf, runCli } from '../../src/cli/run.js';
import { singlePostNotExported } from '../../src/cli/single-post.js';
import type { ChangeReport } from '../../src/types.js';
import { serveFixtureBlogAndCdn } from '../helpers/fixture-servers.js';
import { captureIo } from '../helpers/capture-io.js';
import { exportSnapshot } from '../helpers/export-process.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const POST_ID = '41';
const POST_FILE = 'markdown/python으로-csv-파일-다루기.md';

const fixture = serveFixtureBlogAndCdn();

async function exportPost(outDir: string, url: string) {
  const { out, err, io } = captureIo();
  const code = await runCli([url, '-o', outDir, '-f', 'markdown,jsonl', '--rate', '0'], io, {
    hostMap: fixture.cdn.hostMap,
  });
  const changes = JSON.parse(await readFile(join(outDir, 'changes.json'), 'utf8')) as ChangeReport;
  return { code, stdout: out.join(''), stderr: err.join(''), changes };
}

const ids = (posts: readonly { id: string }[]) => posts.map((post) => post.id);

describe('a post the blog does not have', () => {
  it('exits 1 and says "not found", by number and by entry slug', async () => {
    for (const url of [`${fixture.blog.url}/999`, `${fixture.blog.url}/entry/${encodeURIComponent('없는-글')}`]) {
      const run = await exportPost(await mkdtemp(join(tmpdir(), 'te-one-missing-')), url);
      expect(run.code, url).toBe(1);
      expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(
        `tistory-export: ${url}: not found (the blog answers 404: a mistyped address, or a deleted post)`,
      );
      expect(run.changes.unavailable.map((post) => [post.url, post.status])).toEqual([[url, 'missing']]);
      expect(run.changes.added).toEqual([]);
    }
  });

  it('exits 1 from the installed command too, so a script can tell', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'te-one-missing-'));
    const result = await promisify(execFile)(
      process.execPath,
      [join(root, 'dist/cli.js'), `${fixture.blog.url}/999`, '-o', outDir, '--rate', '0'],
      { encoding: 'utf8' },
    ).catch((error: { code: number; stderr: string }) => error);
    expect('code' in result ? result.code : 0).toBe(1);
    expect(result.stderr).toMatch(/\/999: not found/);
  });

  it('keeps an earlier export of it, exits 1 and says "not found"', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'te-one-gone-'));
    expect((await exportPost(outDir, `${fixture.blog.url}/${POST_ID}`)).code).toBe(0);
    const before = await readFile(join(outDir, POST_FILE), 'utf8');
    const kept = fixture.data.posts;
    fixture.data.posts = kept.filter((post) => post.id !== POST_ID);
    try {
      const run = await exportPost(outDir, `${fixture.blog.url}/${POST_ID}`);
      expect(run.code).toBe(1);
      expect(run.changes.failed.map((post) => [post.id, post.error])).toEqual([
        [POST_ID, 'not found (the blog answers 404 for it now); the previous export is kept'],
      ]);
      expect(await readFile(join(outDir, POST_FILE), 'utf8')).toBe(before);
    } finally {
      fixture.data.posts = kept;
    }
  });
});

describe('a post found gone', () => {
  it('fails a run for that post alone, but not a blog run', () => {
    const url = 'https://myblog.tistory.com/77';
    const changes: ChangeReport = {
      full: false,
      since: null,
      added: [],
      updated: [],
      failed: [],
      kept: [],
      unavailable: [{ id: '77', url, title: '', status: 'missing' }],
      unchanged: [],
      newComments: [],
      skipped: [],
    };
    expect(singlePostNotExported({ postUrl: url, changes })).toBe(
      `${url}: not found (the blog answers 404: a mistyped address, or a deleted post)`,
    );
    expect(exitCodeOf({ postUrl: url, changes, counts: { ok: 0, protected: 0, missing: 1, failed: 0 } })).toBe(1);
    // A blog run that finds a post gone has still done its job.
    expect(singlePostNotExported({ postUrl: null, changes })).toBeNull();
    expect(exitCodeOf({ postUrl: null, changes, counts: { ok: 3, protected: 0, missing: 1, failed: 0 } })).toBe(0);
  });
});

describe('the same post again', () => {
  it('is unchanged when its export comes out the same, and updated when the post changed', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'te-one-again-'));
    const url = `${fixture.blog.url}/${POST_ID}`;
    const first = await exportPost(outDir, url);
    expect(first.code, first.stderr).toBe(0);
    expect(ids(first.changes.added)).toEqual([POST_ID]);
    const exported = await exportSnapshot(outDir, { without: ['changes.json'] });

    const second = await exportPost(outDir, url);
    expect(second.code, second.stderr).toBe(0);
    expect(await exportSnapshot(outDir, { without: ['changes.json'] })).toEqual(exported);
    expect(ids(second.changes.unchanged)).toEqual([POST_ID]);
    expect(second.changes.updated).toEqual([]);
    expect(second.stdout).toContain('Changes: 0 added · 0 updated · 1 unchanged · 0 failed (changes.json)');

    const original = fixture.data.posts;
    fixture.data.posts = original.map((post) =>
      post.id === POST_ID ? { ...post, body: `${post.body}\n<p data-ke-size="size16">덧붙인 문단</p>` } : post,
    );
    try {
      const third = await exportPost(outDir, url);
      expect(third.code, third.stderr).toBe(0);
      expect(ids(third.changes.updated)).toEqual([POST_ID]);
      expect(third.changes.unchanged).toEqual([]);
      expect(await readFile(join(outDir, POST_FILE), 'utf8')).toContain('덧붙인 문단');
    } finally {
      fixture.data.posts = original;
    }
  });
});
