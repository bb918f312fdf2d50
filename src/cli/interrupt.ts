import type { ExportInterrupted } from '../run/interrupted.js';
import { TOOL_NAME } from '../version.js';
import type { ProgressStream } from './terminal-text.js';
import { plural } from './plural.js';

export const EXIT_INTERRUPTED = 130;

interface Interrupt {
  signal: AbortSignal;
  dispose(): void;
}

/**
 * Ctrl-C stops the run gently: posts in flight finish their writes and the state is saved. A second
 * Ctrl-C quits at once, which is safe too (every write is a rename), it only redoes the posts in flight.
 */
export function interruptOnSigint(stderr: ProgressStream): Interrupt {
  const controller = new AbortController();
  const onSigint = (): void => {
    if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED);
    stderr.write('\nStopping: finishing the writes in flight and saving progress (Ctrl-C again to quit at once)…\n');
    controller.abort(new Error('interrupted'));
  };
  process.on('SIGINT', onSigint);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', onSigint) };
}

/**
 * What an interrupted run tells the user: what is saved, and the command that carries on, started the
 * way this run was (`launchedAs`, see `launchCommand`).
 */
export function resumeMessage(
  interrupted: ExportInterrupted,
  argv: readonly string[],
  launchedAs: readonly string[] = [TOOL_NAME],
): string {
  return [
    `Interrupted. ${plural(interrupted.saved, 'post')} of this run saved in ${interrupted.outDir}` +
      (interrupted.remaining > 0 ? `, ${interrupted.remaining} still to fetch.` : '.'),
    'Run the same command again to resume; finished posts are not fetched again:',
    `  ${[...launchedAs, ...withoutCookieValue(argv)].map(shellWord).join(' ')}`,
    '',
  ].join('\n');
}

const COOKIE_PLACEHOLDER = '<the same --cookie value>';
const APP_PASSWORD_PLACEHOLDER = '<the same --wp-app-password value>';

/** A `--cookie` header value is a login session: never printed, even in the command to run again. */
function withoutCookieValue(argv: readonly string[]): string[] {
  return argv.map((word, index) => {
    // An application password is a login too; its file's path is not worth the risk of telling them apart.
    if (word.startsWith('--wp-app-password=')) return `--wp-app-password=${APP_PASSWORD_PLACEHOLDER}`;
    if (argv[index - 1] === '--wp-app-password') return APP_PASSWORD_PLACEHOLDER;
    if (word.startsWith('--cookie='))
      return isHeaderValue(word.slice('--cookie='.length)) ? `--cookie=${COOKIE_PLACEHOLDER}` : word;
    return argv[index - 1] === '--cookie' && isHeaderValue(word) ? COOKIE_PLACEHOLDER : word;
  });
}

/** A cookies.txt path is safe to show; a `name=value` pair is the session itself. */
function isHeaderValue(value: string): boolean {
  return value.includes('=');
}

export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
