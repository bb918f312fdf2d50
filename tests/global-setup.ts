import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The CLI tests run the compiled `dist/cli.js` as a user would, so compile it fresh first. Type errors
// are the type check's job (`npm run typecheck`); here only a missing build is fatal.
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const build = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (!existsSync(`${root}/dist/cli.js`)) throw new Error(`build failed:\n${build.stdout}${build.stderr}`);
}
