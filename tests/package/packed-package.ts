// The package as a user gets it: `npm pack` of the repository, installed into an empty folder.

import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPOSITORY = fileURLToPath(new URL('../..', import.meta.url));

export interface CommandResult {
  /** Exit code; null when a signal ended the process. */
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program without a shell and waits for it without blocking this process (its servers keep answering). */
export function runCommand(command: string, args: readonly string[], cwd: string): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

export interface PackedTarball {
  path: string;
  /** Compressed size in bytes. */
  size: number;
  integrity: string;
  /** Paths inside the package, e.g. `dist/cli.js`. */
  files: string[];
}

/**
 * `npm pack` of the repository with dist/ as the test run's build left it (global-setup compiles it and
 * removes what an older build left there). Without lifecycle scripts: `prepack` would empty dist/ while
 * other test files run the compiled CLI.
 */
export async function packRepository(destination: string): Promise<PackedTarball> {
  const packed = await runCommand(
    'npm',
    ['pack', '--ignore-scripts', '--json', '--pack-destination', destination],
    REPOSITORY,
  );
  if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
  const [report] = JSON.parse(packed.stdout) as {
    filename: string;
    size: number;
    integrity: string;
    files: { path: string }[];
  }[];
  if (!report) throw new Error(`npm pack reported nothing:\n${packed.stdout}`);
  return {
    path: join(destination, report.filename),
    size: report.size,
    integrity: report.integrity,
    files: report.files.map((file) => file.path).sort(),
  };
}

interface LockEntry {
  dev?: boolean;
  [field: string]: unknown;
}

/**
 * Installs the tarball as the only dependency of an empty project in `appDir`, with `npm ci --offline`:
 * npm never asks the network, and takes every dependency from its cache, which the repository's own
 * `npm ci` filled. The project's lockfile holds the tarball and the production entries of the
 * repository's lockfile (the same versions the tests ran against); `npm install --offline <tarball>`
 * would instead need the registry's version lists, which `npm ci` never downloads.
 */
export async function installOffline(tarball: PackedTarball, appDir: string): Promise<CommandResult> {
  const manifest = JSON.parse(await readFile(join(REPOSITORY, 'package.json'), 'utf8')) as Record<string, unknown>;
  const repositoryLock = JSON.parse(await readFile(join(REPOSITORY, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const spec = `file:${relative(appDir, tarball.path)}`;
  const name = String(manifest.name);
  const packages: Record<string, unknown> = {
    '': { name: 'packed-install', dependencies: { [name]: spec } },
    [`node_modules/${name}`]: {
      version: manifest.version,
      resolved: spec,
      integrity: tarball.integrity,
      license: manifest.license,
      dependencies: manifest.dependencies,
      bin: manifest.bin,
      engines: manifest.engines,
    },
  };
  for (const [path, entry] of Object.entries(repositoryLock.packages)) {
    if (path !== '' && !entry.dev) packages[path] = entry;
  }
  await writeFile(
    join(appDir, 'package.json'),
    JSON.stringify({ name: 'packed-install', private: true, dependencies: { [name]: spec } }, null, 2),
  );
  await writeFile(
    join(appDir, 'package-lock.json'),
    JSON.stringify({ name: 'packed-install', lockfileVersion: 3, requires: true, packages }, null, 2),
  );
  const installed = await runCommand('npm', ['ci', '--offline', '--no-audit', '--no-fund'], appDir);
  if (installed.code !== 0) {
    throw new Error(
      `npm ci --offline of the tarball failed (its dependencies come from the npm cache: run npm ci in the repository first):\n${installed.stderr}`,
    );
  }
  return installed;
}
