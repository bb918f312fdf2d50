// The gate on programs from outside npm, seen from outside: a tiny vitest project run with a PATH that
// holds node only (CI unset, then CI=true), and with a stand-in hugo on it.

import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const PROJECT = fileURLToPath(new URL('./fixture-project/', import.meta.url));
const VITEST = fileURLToPath(new URL('../../node_modules/vitest/vitest.mjs', import.meta.url));

interface FixtureRun {
  code: number | null;
  stdout: string;
  /** Each test's state, by its full name. */
  states: Record<string, string>;
  /** Each failed test's first failure message, by its full name. */
  failures: Record<string, string>;
}

interface JsonReport {
  testResults: { assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
}

/** A folder for PATH that holds node and, if asked, a hugo that answers like the real one. */
async function binFolder(withHugo: boolean): Promise<string> {
  const bin = await mkdtemp(join(tmpdir(), 'te-outside-bin-'));
  await symlink(process.execPath, join(bin, 'node'));
  if (withHugo) {
    await writeFile(join(bin, 'hugo'), '#!/bin/sh\necho "hugo v0.0.0-standin linux/amd64"\n');
    await chmod(join(bin, 'hugo'), 0o755);
  }
  return bin;
}

async function runFixture(options: { withHugo: boolean; ci: boolean }): Promise<FixtureRun> {
  const work = await mkdtemp(join(tmpdir(), 'te-outside-run-'));
  const report = join(work, 'report.json');
  // A bare environment: nothing of this run's own vitest, nor the machine's CI, leaks into the inner one.
  const env: NodeJS.ProcessEnv = {
    PATH: await binFolder(options.withHugo),
    HOME: work,
    NO_COLOR: '1',
    FIXTURE_REPORT: report,
    FIXTURE_CACHE_DIR: join(work, 'cache'),
    ...(options.ci ? { CI: 'true' } : {}),
  };
  const child = spawn(process.execPath, [VITEST, 'run'], { cwd: PROJECT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.resume();
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  const parsed = JSON.parse(await readFile(report, 'utf8')) as JsonReport;
  const tests = parsed.testResults.flatMap((file) => file.assertionResults);
  return {
    code,
    stdout,
    states: Object.fromEntries(tests.map((test) => [test.fullName, test.status])),
    failures: Object.fromEntries(
      tests.filter((test) => test.failureMessages.length > 0).map((test) => [test.fullName, test.failureMessages[0]!]),
    ),
  };
}

const NEEDS_HUGO = [
  'asks hugo for its version',
  'a block whose hook runs hugo sees what the hook read',
  'a block whose hook runs hugo runs its second test too',
];
const NEEDS_BOTH = 'needs hugo and jekyll';
const NEEDS_NOTHING = 'needs nothing from outside npm';
const summaryLines = (stdout: string) => stdout.split('\n').filter((line) => / not installed: /.test(line));

let absent: FixtureRun;
let absentOnCi: FixtureRun;
let present: FixtureRun;
beforeAll(async () => {
  [absent, absentOnCi, present] = await Promise.all([
    runFixture({ withHugo: false, ci: false }),
    runFixture({ withHugo: false, ci: true }),
    runFixture({ withHugo: true, ci: false }),
  ]);
}, 120_000);

describe('a program from outside npm that is missing, CI unset', () => {
  it('skips every test that needs it, hooks included, and runs the rest; the run passes', () => {
    for (const name of [...NEEDS_HUGO, NEEDS_BOTH]) expect(absent.states[name], name).toBe('skipped');
    expect(absent.states[NEEDS_NOTHING]).toBe('passed');
    expect(absent.code).toBe(0);
  });

  it('prints one line per missing program with its count and install command', () => {
    expect(summaryLines(absent.stdout)).toEqual([
      'hugo not installed: 4 tests skipped (sudo apt-get install -y hugo)',
      'jekyll not installed: 1 test skipped (sudo apt-get install -y jekyll ruby-jekyll-redirect-from)',
    ]);
  });
});

describe('a program from outside npm that is missing, CI=true', () => {
  it('fails every test that needs it, saying what is missing and how to install it', () => {
    for (const name of NEEDS_HUGO) {
      expect(absentOnCi.states[name], name).toBe('failed');
      expect(absentOnCi.failures[name], name).toContain(
        'hugo is not installed, and CI runs every test that needs it (sudo apt-get install -y hugo)',
      );
    }
    expect(absentOnCi.failures[NEEDS_BOTH]).toContain('(sudo apt-get install -y jekyll ruby-jekyll-redirect-from)');
    expect(absentOnCi.states[NEEDS_NOTHING]).toBe('passed');
    expect(absentOnCi.code).toBe(1);
  });

  it('skips nothing and prints no skip line', () => {
    expect(Object.values(absentOnCi.states)).not.toContain('skipped');
    expect(summaryLines(absentOnCi.stdout)).toEqual([]);
  });
});

describe('a program from outside npm that is there', () => {
  it('runs the tests that need it, hooks included', () => {
    for (const name of NEEDS_HUGO) expect(present.states[name], name).toBe('passed');
    expect(present.states[NEEDS_NOTHING]).toBe('passed');
    expect(present.code).toBe(0);
  });

  it('still skips, and names, a test that also needs a missing one', () => {
    expect(present.states[NEEDS_BOTH]).toBe('skipped');
    expect(summaryLines(present.stdout)).toEqual([
      'jekyll not installed: 1 test skipped (sudo apt-get install -y jekyll ruby-jekyll-redirect-from)',
    ]);
  });
});
