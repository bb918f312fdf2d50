import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { startFixtureBlog, type FixtureBlog } from '../../demo/blog/fixture-blog.js';
import { startFixtureCdn, type FixtureCdn } from '../../demo/blog/fixture-cdn.js';
import { loadFixtureBlog } from '../../demo/blog/fixture-data.js';
import { demoArguments } from '../../demo/demo-arguments.js';
import {
  stagedProblems,
  stagedProblemsAnnouncement,
  stagedProblemsReminder,
  type StagedProblem,
} from '../../demo/staged-problems.js';
import { captureIo } from '../helpers/capture-io.js';

interface ManifestRow {
  id: string;
  status: string;
  warnings?: string[];
}

// The demo's own export, run as the demo runs it, so what it announces is held to what the run shows.
describe('the demo announces what its blog stages', () => {
  let problems: StagedProblem[];
  let blog: FixtureBlog;
  let cdn: FixtureCdn;
  let rows: ManifestRow[];

  beforeAll(async () => {
    const data = await loadFixtureBlog();
    problems = stagedProblems(data);
    [blog, cdn] = await Promise.all([startFixtureBlog({ blog: data }), startFixtureCdn()]);
    const out = await mkdtemp(join(tmpdir(), 'te-demo-'));
    // One retry is enough to get past the staged 429, and keeps the staged 500s from waiting out four backoffs.
    const { io, err } = captureIo();
    const code = await runCli([...demoArguments(blog.url, { out, rate: 0 }), '--retries', '1'], io, {
      hostMap: cdn.hostMap,
    });
    expect(code, err.join('')).toBe(0);
    rows = (JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as { posts: ManifestRow[] }).posts;
  });
  afterAll(async () => {
    await Promise.all([blog?.close(), cdn?.close()]);
  });

  it('finds one of each kind in the fixture blog', () => {
    expect(new Set(problems.map((problem) => problem.kind))).toEqual(
      new Set(['rate-limited', 'comments-fail', 'protected', 'deleted']),
    );
  });

  it('names every post the run does not export cleanly, and no other', () => {
    const notClean = rows.filter((row) => row.status !== 'ok' || (row.warnings ?? []).length > 0).map((row) => row.id);
    const announced = problems.filter((problem) => problem.kind !== 'rate-limited').map((problem) => problem.postId);
    expect(new Set(notClean)).toEqual(new Set(announced));
  });

  it('says what each of those posts ends as', () => {
    const statusOf = (id: string | null) => rows.find((row) => row.id === id)?.status;
    for (const problem of problems) {
      if (problem.kind === 'protected') expect(statusOf(problem.postId), problem.path).toBe('protected');
      if (problem.kind === 'deleted') expect(statusOf(problem.postId), problem.path).toBe('missing');
      if (problem.kind === 'comments-fail') {
        const warnings = rows.find((row) => row.id === problem.postId)?.warnings ?? [];
        expect(warnings.join('\n'), problem.path).toMatch(/comments not fetched \(HTTP 500\)/);
      }
    }
  });

  it('names the path that answered 429, which the run then asked for again', () => {
    for (const problem of problems.filter((candidate) => candidate.kind === 'rate-limited')) {
      expect(
        blog.requests.filter((path) => path === problem.path),
        problem.path,
      ).toHaveLength(2);
      expect(rows.find((row) => row.id === problem.postId)?.status, problem.path).toBe('ok');
    }
  });

  it('prints one line per problem before the run and a reminder after it', () => {
    const announcement = stagedProblemsAnnouncement(problems);
    for (const problem of problems) expect(announcement).toContain(`  - ${problem.description}\n`);
    expect(announcement.split('\n').filter((line) => line.startsWith('  - '))).toHaveLength(problems.length);
    expect(stagedProblemsReminder(problems)).toMatch(/staged by the demo blog.*not bugs/);
  });

  it('prints nothing for a blog that stages nothing', () => {
    expect(stagedProblemsAnnouncement([])).toBe('');
    expect(stagedProblemsReminder([])).toBe('');
  });
});
