// The real consumers: Hugo and Jekyll from Debian (`.ci/run` installs them). A missing binary fails
// the test with a message saying so, never skips it.

import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { load } from 'cheerio';

const run = promisify(execFile);

async function build(tool: string, args: string[]): Promise<string> {
  try {
    const { stdout, stderr } = await run(tool, args, { timeout: 240_000, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, LANG: 'C.UTF-8' } });
    return stdout + stderr;
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stdout?: string; stderr?: string };
    if (failure.code === 'ENOENT') throw new Error(`${tool} is not installed (apt-get install -y hugo jekyll ruby-jekyll-redirect-from)`);
    throw new Error(`${tool} ${args.join(' ')} failed:\n${failure.stdout ?? ''}${failure.stderr ?? ''}`);
  }
}

/** Builds `<siteDir>` with Hugo into a fresh folder and returns that folder. */
export async function buildHugo(siteDir: string): Promise<string> {
  const destination = await mkdtemp(join(tmpdir(), 'te-hugo-public-'));
  await build('hugo', ['--source', siteDir, '--destination', destination, '--cleanDestinationDir']);
  return destination;
}

/** Builds `<siteDir>` with Jekyll into a fresh folder and returns that folder. */
export async function buildJekyll(siteDir: string): Promise<string> {
  const destination = await mkdtemp(join(tmpdir(), 'te-jekyll-site-'));
  await build('jekyll', ['build', '--source', siteDir, '--destination', destination, '--quiet']);
  return destination;
}

/** The title and `<time datetime>` the minimal layouts print, read from a built page. */
export async function builtPage(file: string): Promise<{ title: string; datetime: string | undefined; text: string }> {
  const html = await readFile(file, 'utf8');
  const $ = load(html);
  return { title: $('article h1').text(), datetime: $('article time').attr('datetime'), text: $('article').text() };
}
