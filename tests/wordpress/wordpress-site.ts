// A real WordPress for tests, from Debian's packages: MariaDB on a private socket and data folder, PHP's
// built-in server on 127.0.0.1, WordPress installed by a PHP script, and an application password for
// its admin. Everything lives in one temp folder, removed when the site stops.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WORDPRESS = '/usr/share/wordpress';
const SITE_FILES = fileURLToPath(new URL('./site-files/', import.meta.url));

export interface WordPressSite {
  url: string;
  user: string;
  appPassword: string;
  /** The site's own files (wp-content lives here). */
  root: string;
  /** A REST request as the admin; throws on a status other than 2xx. */
  rest<T = unknown>(path: string, init?: { method?: string; body?: unknown }): Promise<T>;
  /** Every item of a collection (`/wp/v2/posts?status=…`), all pages of it. */
  all<T = Record<string, unknown>>(path: string): Promise<T[]>;
  /** Stops the site: the database and every PHP server process (its forked workers too). */
  stop(): Promise<void>;
  /** The PHP server's process group (a negative pid), gone once `stop` returns. */
  serverGroup: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function run(command: string, args: string[], cwd?: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
  return result.stdout;
}

async function waitFor(
  what: string,
  ready: () => boolean | Promise<boolean>,
  child: ChildProcess,
  ms = 60_000,
): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not start within ${ms} ms`);
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

async function startDatabase(folder: string): Promise<{ socket: string; process: ChildProcess }> {
  const dataDir = join(folder, 'db');
  const socket = join(folder, 'mysql.sock');
  run('mariadb-install-db', [
    '--no-defaults',
    `--datadir=${dataDir}`,
    '--auth-root-authentication-method=normal',
    '--skip-test-db',
    ...(asRoot ? ['--user=root'] : []),
  ]);
  const server = spawn(
    'mariadbd',
    [
      '--no-defaults',
      `--datadir=${dataDir}`,
      `--socket=${socket}`,
      '--skip-networking',
      `--pid-file=${join(folder, 'mysql.pid')}`,
      `--log-error=${join(folder, 'mysql.err')}`,
      '--innodb-buffer-pool-size=32M',
      ...(asRoot ? ['--user=root'] : []),
    ],
    { stdio: 'ignore' },
  );
  const connects = () =>
    spawnSync('php', [
      '-r',
      `$db = @new mysqli('localhost', 'root', '', '', 0, ${JSON.stringify(socket)}); exit($db->connect_errno ? 1 : 0);`,
    ]).status === 0;
  await waitFor('mariadbd', connects, server);
  run('php', [
    '-r',
    `$db = new mysqli('localhost', 'root', '', '', 0, ${JSON.stringify(socket)}); $db->query('CREATE DATABASE wordpress CHARACTER SET utf8mb4');`,
  ]);
  return { socket, process: server };
}

/** WordPress's PHP files find their root from their own path: the top-level ones are copied, the folders linked. */
async function makeSiteRoot(root: string, settings: { url: string; socket: string }): Promise<void> {
  await mkdir(root, { recursive: true });
  for (const name of await readdir(WORDPRESS)) {
    if (name === 'wp-config.php' || name === 'wp-content' || name.startsWith('.')) continue;
    if (name.endsWith('.php')) await copyFile(join(WORDPRESS, name), join(root, name));
    else await symlink(join(WORDPRESS, name), join(root, name));
  }
  for (const name of ['wp-config.php', 'router.php', 'install.php'])
    await copyFile(join(SITE_FILES, name), join(root, name));
  await mkdir(join(root, 'wp-content/themes/plain-test-theme'), { recursive: true });
  await mkdir(join(root, 'wp-content/mu-plugins'), { recursive: true });
  await mkdir(join(root, 'wp-content/uploads'), { recursive: true });
  for (const name of ['style.css', 'index.php']) {
    await copyFile(join(SITE_FILES, 'plain-test-theme', name), join(root, 'wp-content/themes/plain-test-theme', name));
  }
  await copyFile(join(SITE_FILES, 'mu-plugins/switches.php'), join(root, 'wp-content/mu-plugins/switches.php'));
  await writeFile(join(root, 'site.json'), JSON.stringify({ ...settings, salt: randomBytes(16).toString('hex') }));
}

/** Sends `name` to a process (a positive pid) or a process group (a negative one); gone is fine. */
function signal(target: number, name: NodeJS.Signals): void {
  try {
    process.kill(target, name);
  } catch {
    // Already gone.
  }
}

/** Whether the process (or any process of the group) still runs. */
export function isAlive(target: number): boolean {
  try {
    process.kill(target, 0);
    return true;
  } catch {
    return false;
  }
}

export async function startWordPress(): Promise<WordPressSite> {
  const folder = await mkdtemp(join(tmpdir(), 'te-wordpress-'));
  const children: ChildProcess[] = [];
  const stop = async () => {
    for (const child of children.reverse()) {
      // PHP's server forks its workers: the whole process group goes, or they outlive the tests.
      const group = child === phpServer ? -child.pid! : child.pid!;
      const exited =
        child.exitCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
      signal(group, 'SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      for (let waited = 0; isAlive(group) && waited < 5_000; waited += 100)
        await new Promise((resolve) => setTimeout(resolve, 100));
      if (isAlive(group)) signal(group, 'SIGKILL');
    }
    await rm(folder, { recursive: true, force: true });
  };
  let phpServer: ChildProcess | null = null;
  try {
    const database = await startDatabase(folder);
    children.push(database.process);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const root = join(folder, 'site');
    await makeSiteRoot(root, { url, socket: database.socket });
    const { user, password } = JSON.parse(run('php', ['install.php'], root)) as { user: string; password: string };
    // Four PHP workers: the tool sends requests side by side.
    const server = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', root, join(root, 'router.php')], {
      cwd: root,
      stdio: 'ignore',
      detached: true,
      env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
    });
    phpServer = server;
    children.push(server);
    await waitFor('php -S', async () => (await fetch(`${url}/wp-json/`).catch(() => null))?.ok === true, server);
    const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    const rest = async <T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> => {
      const response = await fetch(`${url}/wp-json${path}`, {
        method: init.method ?? 'GET',
        headers: { authorization: auth, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
      if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    };
    const all = async <T>(path: string): Promise<T[]> => {
      const items: T[] = [];
      for (let page = 1; ; page++) {
        const batch = await rest<T[]>(`${path}${path.includes('?') ? '&' : '?'}per_page=100&page=${page}`);
        items.push(...batch);
        if (batch.length < 100) return items;
      }
    };
    return { url, user, appPassword: password, root, rest, all, stop, serverGroup: -server.pid! };
  } catch (error) {
    await stop();
    throw error;
  }
}
