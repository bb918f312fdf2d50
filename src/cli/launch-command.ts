import { basename, isAbsolute, relative, sep } from 'node:path';
import { TOOL_NAME } from '../version.js';

/**
 * The words that started this run, so that the resume hint and the help's examples can be pasted
 * as they are: `npx tistory-export` under npx, `tistory-export` for an installed bin, and
 * `node dist/cli.js` for a clone run by hand.
 *
 * npm 11 marks what it starts: `npx x` and `npm exec x` set `npm_command=exec` (and
 * `npm_lifecycle_event=npx`); a package script sets `npm_command=run` and the script's name. In every
 * case `npx tistory-export` works again from the same folder, where a bare `tistory-export` is found
 * only when installed globally.
 */
export function launchCommand(
  env: Readonly<Record<string, string | undefined>>,
  scriptPath: string | undefined,
  cwd: string,
): string[] {
  if (env.npm_command !== undefined || env.npm_lifecycle_event !== undefined) return ['npx', TOOL_NAME];
  if (scriptPath === undefined) return [TOOL_NAME];
  // The bin's link (`/usr/local/bin/tistory-export`), or on Windows the shim's target inside the package.
  if (basename(scriptPath) === TOOL_NAME || scriptPath.includes(`${sep}node_modules${sep}${TOOL_NAME}${sep}`))
    return [TOOL_NAME];
  const fromHere = relative(cwd, scriptPath);
  const shorter = fromHere !== '' && !fromHere.startsWith('..') && !isAbsolute(fromHere) ? fromHere : scriptPath;
  return ['node', shorter];
}

/** This process's own launch words. */
export function ownLaunchCommand(): string[] {
  return launchCommand(process.env, process.argv[1], process.cwd());
}
