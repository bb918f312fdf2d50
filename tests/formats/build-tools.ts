// The real consumers: Hugo and Jekyll from Debian (`.ci/run` installs them), Astro and Hexo from npm
// (devDependencies). Hugo and Jekyll come from outside npm: the tests that build with them are gated
// (itWith in tests/helpers/outside-programs.ts), skipped where they are missing unless CI is set.

import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { load } from 'cheerio';

const run = promisify(execFile);
const NODE_MODULES = fileURLToPath(new URL('../../node_modules', import.meta.url));
/**
 * The tools run in a zone that is neither UTC nor Korea's: a site's dates must not depend on the
 * machine that builds it (Hexo's did: 9 hours off on a UTC machine).
 */
const FOREIGN_ZONE = 'America/New_York';

async function build(tool: string, args: string[], cwd?: string, zone?: string): Promise<string> {
  try {
    const env = { ...process.env, LANG: 'C.UTF-8', ASTRO_TELEMETRY_DISABLED: '1', ...(zone ? { TZ: zone } : {}) };
    const { stdout, stderr } = await run(tool, args, { cwd, timeout: 240_000, maxBuffer: 16 * 1024 * 1024, env });
    return stdout + stderr;
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stdout?: string; stderr?: string };
    if (failure.code === 'ENOENT')
      throw new Error(`${tool} is not installed (apt-get install -y hugo jekyll ruby-jekyll-redirect-from)`);
    throw new Error(`${tool} ${args.join(' ')} failed:\n${failure.stdout ?? ''}${failure.stderr ?? ''}`);
  }
}

/** Builds `<siteDir>` with Hugo into a fresh folder and returns that folder. */
export async function buildHugo(siteDir: string): Promise<string> {
  const destination = await mkdtemp(join(tmpdir(), 'te-hugo-public-'));
  await build(
    'hugo',
    ['--source', siteDir, '--destination', destination, '--cleanDestinationDir'],
    undefined,
    FOREIGN_ZONE,
  );
  return destination;
}

/**
 * A copy of an exported site folder to build in, as it is: the build's lock files and caches never land
 * in the export the other tests read.
 */
async function copyOfExport(exported: string): Promise<string> {
  const project = await mkdtemp(join(tmpdir(), 'te-site-'));
  await cp(exported, project, { recursive: true });
  return project;
}

/**
 * Builds `<siteDir>` with Jekyll into a fresh folder and returns that folder, the way its Gemfile says:
 * `bundle install` (`--local`: from the installed gems, never the network), then `bundle exec jekyll build`.
 */
export async function buildJekyll(siteDir: string): Promise<string> {
  const project = await copyOfExport(siteDir);
  const destination = await mkdtemp(join(tmpdir(), 'te-jekyll-site-'));
  await build('bundle', ['install', '--local', '--quiet'], project);
  await build('bundle', ['exec', 'jekyll', 'build', '--destination', destination, '--quiet'], project, FOREIGN_ZONE);
  return destination;
}

/**
 * What `npm install` would leave in an exported folder: this package's own installed packages (which its
 * package.json names, at the same versions) linked in one by one, so the build's caches
 * (`node_modules/.astro`, `.vite`) stay in the folder's own node_modules.
 */
async function linkNodeModules(project: string): Promise<void> {
  await mkdir(join(project, 'node_modules'));
  for (const name of await readdir(NODE_MODULES)) {
    if (!name.startsWith('.')) await symlink(join(NODE_MODULES, name), join(project, 'node_modules', name), 'dir');
  }
}

/** Builds the exported `astro/` folder as it is (`npx astro build`); returns its `dist`. */
export async function buildAstro(exported: string): Promise<string> {
  const project = await copyOfExport(exported);
  await linkNodeModules(project);
  await build(join(NODE_MODULES, '.bin/astro'), ['build', '--silent'], project, FOREIGN_ZONE);
  return join(project, 'dist');
}

/** Generates the exported `hexo/` folder as it is (`npx hexo generate`); returns its `public`. */
export async function buildHexo(exported: string): Promise<string> {
  const project = await copyOfExport(exported);
  await linkNodeModules(project);
  await build(join(NODE_MODULES, '.bin/hexo'), ['generate', '--silent'], project, FOREIGN_ZONE);
  return join(project, 'public');
}

/** The title and `<time datetime>` the minimal layouts print, read from a built page. */
export async function builtPage(file: string): Promise<{ title: string; datetime: string | undefined; text: string }> {
  const html = await readFile(file, 'utf8');
  const $ = load(html);
  return { title: $('article h1').text(), datetime: $('article time').attr('datetime'), text: $('article').text() };
}
