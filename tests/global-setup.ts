import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emittedFiles, removeStaleBuildFiles } from './helpers/stale-build-files.js';

// The CLI tests run the compiled `dist/cli.js` as a user would, so compile it fresh first. Type errors
// are the type check's job (`npm run typecheck`); here only a missing build is fatal.
export default async function setup(): Promise<void> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const build = spawnSync(
    process.execPath,
    ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--listEmittedFiles'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (!existsSync(`${root}/dist/cli.js`)) throw new Error(`build failed:\n${build.stdout}${build.stderr}`);
  // dist/ must hold this build only: the package test packs it as it is.
  const emitted = emittedFiles(build.stdout);
  if (emitted.has(join(root, 'dist', 'cli.js'))) await removeStaleBuildFiles(join(root, 'dist'), emitted);
}
