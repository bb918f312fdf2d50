import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STATE_FOLDER } from '../../src/state/post-state.js';
import { listFiles } from './golden.js';

const LAUNCHER = fileURLToPath(new URL('../resume/run-compiled-cli.mjs', import.meta.url));

export interface CliProcess {
  child: ChildProcess;
  /** Exit code, or null with the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stdout(): string;
  stderr(): string;
}

/** Starts the compiled CLI in its own process, so it can be killed like a user's run. */
export function spawnCli(args: readonly string[], hostMap: Record<string, string>): CliProcess {
  const child = spawn(process.execPath, [LAUNCHER, ...args], {
    env: { ...process.env, TE_HOST_MAP: JSON.stringify(hostMap) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, stdout: () => out, stderr: () => err };
}

/** Polls until `condition` holds; the CLI's own progress is the clock, never a fixed sleep. */
export async function waitFor(
  condition: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Ids of the posts the folder's state holds as saved (what a re-run will not fetch again). */
export async function savedPosts(
  outDir: string,
): Promise<{ id: string; url: string; status: string; assets: string[] }[]> {
  const dir = join(outDir, STATE_FOLDER, 'posts');
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.json'));
  const states = await Promise.all(
    names.map(
      async (name) =>
        JSON.parse(await readFile(join(dir, name), 'utf8')) as {
          entry: { id: string; url: string; status: string; assets?: { url: string }[] };
        },
    ),
  );
  return states.map(({ entry }) => ({
    id: entry.id,
    url: entry.url,
    status: entry.status,
    assets: (entry.assets ?? []).map((asset) => asset.url),
  }));
}

/**
 * Every file of an export (its state folder aside), as bytes, except what legitimately differs between
 * two exports of the same blog made at different times: the manifest's time, which the report shows.
 */
export async function exportSnapshot(
  outDir: string,
  options: { without?: readonly string[] } = {},
): Promise<Record<string, string | Buffer>> {
  const snapshot: Record<string, string | Buffer> = {};
  for (const file of await listFiles(outDir)) {
    if (file.startsWith(`${STATE_FOLDER}/`) || options.without?.includes(file)) continue;
    const bytes = await readFile(join(outDir, file));
    if (file === 'manifest.json')
      snapshot[file] = bytes.toString('utf8').replace(/"generatedAt": "[^"]+"/, '"generatedAt": "<time>"');
    else if (file === 'report.html') snapshot[file] = bytes.toString('utf8').replace(/<time>[^<]+<\/time>/, '<time>');
    else snapshot[file] = bytes;
  }
  return snapshot;
}

/** Temp files anywhere in the folder: a finished or resumed run must leave none. */
export async function tempFiles(outDir: string): Promise<string[]> {
  return (await listFiles(outDir)).filter((file) => file.endsWith('.tmp'));
}
