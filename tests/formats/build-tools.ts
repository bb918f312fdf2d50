// The real consumers: Hugo and Jekyll from Debian (`.ci/run` installs them), Astro and Hexo from npm
// (devDependencies). A missing tool fails the test with a message saying so, never skips it.

import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
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
    if (failure.code === 'ENOENT') throw new Error(`${tool} is not installed (apt-get install -y hugo jekyll ruby-jekyll-redirect-from)`);
    throw new Error(`${tool} ${args.join(' ')} failed:\n${failure.stdout ?? ''}${failure.stderr ?? ''}`);
  }
}

/** Builds `<siteDir>` with Hugo into a fresh folder and returns that folder. */
export async function buildHugo(siteDir: string): Promise<string> {
  const destination = await mkdtemp(join(tmpdir(), 'te-hugo-public-'));
  await build('hugo', ['--source', siteDir, '--destination', destination, '--cleanDestinationDir'], undefined, FOREIGN_ZONE);
  return destination;
}

/** Builds `<siteDir>` with Jekyll into a fresh folder and returns that folder. */
export async function buildJekyll(siteDir: string): Promise<string> {
  const destination = await mkdtemp(join(tmpdir(), 'te-jekyll-site-'));
  await build('jekyll', ['build', '--source', siteDir, '--destination', destination, '--quiet'], undefined, FOREIGN_ZONE);
  return destination;
}

/**
 * A site project around an exported folder: the export copied in, the files a real site adds (`extra`),
 * and this package's node_modules linked in, so the project's own copy of the tool is what builds it.
 */
async function projectAround(exported: string, extra: Record<string, string>): Promise<string> {
  const project = await mkdtemp(join(tmpdir(), 'te-site-'));
  await cp(exported, project, { recursive: true });
  for (const [path, text] of Object.entries(extra)) {
    await mkdir(join(project, path, '..'), { recursive: true });
    await writeFile(join(project, path), text);
  }
  await symlink(NODE_MODULES, join(project, 'node_modules'), 'dir');
  return project;
}

/** The same minimal page as the Hugo and Jekyll layouts: the title, the date, the body. */
const ASTRO_POST_ROUTE = `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  const entries = await getCollection('blog');
  return entries.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html><body><article><h1>{entry.data.title}</h1><time datetime={entry.data.pubDate?.toISOString()}></time><Content /></article></body></html>
`;

/** Builds the exported `astro/` folder as a site whose `/blog/<slug>/` renders each entry; returns its `dist`. */
export async function buildAstro(exported: string): Promise<string> {
  const project = await projectAround(exported, {
    'package.json': '{ "name": "tistory-astro-check", "private": true, "type": "module" }\n',
    // Its caches stay in the project: node_modules is this package's own, shared by every build.
    'astro.config.mjs': "export default { cacheDir: './.astro-cache', vite: { cacheDir: './.vite-cache' } };\n",
    'src/pages/blog/[...slug].astro': ASTRO_POST_ROUTE,
  });
  await build(join(NODE_MODULES, '.bin/astro'), ['build', '--silent'], project, FOREIGN_ZONE);
  return join(project, 'dist');
}

const HEXO_LAYOUT = '<article><h1>{{ page.title }}</h1><time datetime="{{ page.date.format() }}"></time>{{ page.content | safe }}</article>\n';

/**
 * Generates the exported `hexo/` folder as a Hexo site (the export's `source/` and `_config.tistory.yml`
 * merged over a minimal `_config.yml` and theme, as the README says to); returns its `public`.
 */
export async function buildHexo(exported: string): Promise<string> {
  const project = await projectAround(exported, {
    // Hexo loads the plugins its site's package.json depends on.
    'package.json': '{ "name": "tistory-hexo-check", "private": true, "hexo": { "version": "8" }, "dependencies": { "hexo": "*", "hexo-renderer-marked": "*" } }\n',
    '_config.yml': 'title: check\nurl: http://example.com\npermalink: :title/\ntheme: check\n',
    'themes/check/layout/post.njk': HEXO_LAYOUT,
    'themes/check/layout/page.njk': HEXO_LAYOUT,
    'themes/check/layout/index.njk': '<p>index</p>\n',
  });
  await build(join(NODE_MODULES, '.bin/hexo'), ['generate', '--silent', '--config', '_config.yml,_config.tistory.yml'], project, FOREIGN_ZONE);
  return join(project, 'public');
}

/** The title and `<time datetime>` the minimal layouts print, read from a built page. */
export async function builtPage(file: string): Promise<{ title: string; datetime: string | undefined; text: string }> {
  const html = await readFile(file, 'utf8');
  const $ = load(html);
  return { title: $('article h1').text(), datetime: $('article time').attr('datetime'), text: $('article').text() };
}
