// The resume hint after Ctrl-C must be pasteable: it repeats the command as the user started it.

import { spawn } from 'node:child_process';
import { mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureBlog, type FixtureBlog } from '../../demo/blog/fixture-blog.js';
import { launchCommand } from '../../src/cli/launch-command.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'dist', 'cli.js');

describe('launchCommand', () => {
  const clone = '/home/me/tistory-export';

  it('says npx under npx and npm exec (npm 11 sets npm_command=exec and npm_lifecycle_event=npx)', () => {
    const npx = {
      npm_command: 'exec',
      npm_lifecycle_event: 'npx',
      npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
    };
    expect(launchCommand(npx, '/home/me/.npm/_npx/1a2b/node_modules/.bin/tistory-export', '/home/me')).toEqual([
      'npx',
      'tistory-export',
    ]);
  });

  it('says npx from a package script too, where a bare name is not found outside the script', () => {
    expect(
      launchCommand(
        { npm_command: 'run', npm_lifecycle_event: 'backup' },
        '/site/node_modules/.bin/tistory-export',
        '/site',
      ),
    ).toEqual(['npx', 'tistory-export']);
  });

  it('says the bin name for an installed bin, through its link or its Windows shim', () => {
    expect(launchCommand({}, '/usr/local/bin/tistory-export', '/home/me')).toEqual(['tistory-export']);
    expect(launchCommand({}, '/usr/lib/node_modules/tistory-export/dist/cli.js', '/home/me')).toEqual([
      'tistory-export',
    ]);
  });

  it('says node and the script, relative when under the current folder, for a clone run by hand', () => {
    expect(launchCommand({}, `${clone}/dist/cli.js`, clone)).toEqual(['node', 'dist/cli.js']);
    expect(launchCommand({}, `${clone}/dist/cli.js`, '/tmp')).toEqual(['node', `${clone}/dist/cli.js`]);
  });
});

describe('the resume hint of a run stopped with Ctrl-C', () => {
  let blog: FixtureBlog;
  beforeAll(async () => {
    // Slow enough that the run is still going when the interrupt lands, on a busy machine too.
    blog = await startFixtureBlog({ failFirst: {}, delayMs: 300 });
  });
  afterAll(() => blog.close());

  const withoutNpm = () => Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('npm_')));

  /** Starts the run, interrupts it once a post is saved, and returns the command line it says to run again. */
  async function resumeLine(script: string, env: NodeJS.ProcessEnv, args: readonly string[]): Promise<string> {
    const child = spawn(process.execPath, [script, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let interrupted = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (!interrupted && /^\[\d+\//m.test(stderr)) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(code, stderr).toBe(130);
    const lines = stderr.trimEnd().split('\n');
    expect(lines.at(-2)).toBe('Run the same command again to resume; finished posts are not fetched again:');
    return lines.at(-1)!;
  }

  const args = async () => [
    blog.url,
    '-o',
    await mkdtemp(join(tmpdir(), 'te-launch-')),
    '--images',
    'none',
    '--rate',
    '0',
    '--concurrency',
    '1',
  ];

  it('repeats npx when run through npx', async () => {
    const argv = await args();
    const env = { ...withoutNpm(), npm_command: 'exec', npm_lifecycle_event: 'npx' };
    expect(await resumeLine(bin, env, argv)).toBe(`  npx tistory-export ${argv.join(' ')}`);
  }, 60_000);

  it('repeats the bare name when run through an installed bin', async () => {
    const argv = await args();
    const link = join(await mkdtemp(join(tmpdir(), 'te-launch-bin-')), 'tistory-export');
    await symlink(bin, link);
    expect(await resumeLine(link, withoutNpm(), argv)).toBe(`  tistory-export ${argv.join(' ')}`);
  }, 60_000);

  it('repeats node dist/cli.js when the clone is run by hand', async () => {
    const argv = await args();
    expect(await resumeLine('dist/cli.js', withoutNpm(), argv)).toBe(`  node dist/cli.js ${argv.join(' ')}`);
  }, 60_000);
});
