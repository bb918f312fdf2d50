import { readFile, stat } from 'node:fs/promises';
import { inspect } from 'node:util';
import { UsageError } from '../../errors.js';
import { APP_PASSWORD_ENV } from './app-password-env.js';

const REDACTED = '[WordPress application password, redacted]';

/**
 * A WordPress application password. Like `--cookie`, it is a login: it goes in the Authorization header
 * to the site and nowhere else, and printing or serialising it shows a placeholder.
 */
export class AppPassword {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }
}

/**
 * `--wp-app-password <value-or-file>`: a file's path (its first line is the password), else the
 * password itself; absent, the environment variable. WordPress shows it in groups of four with spaces,
 * which it accepts as they are.
 */
export async function readAppPassword(
  option: string | null,
  env: NodeJS.ProcessEnv = process.env,
  /** What asks for it, named in the refusal: `-f wordpress` or `--wp-undo`. */
  asking = '-f wordpress',
): Promise<AppPassword> {
  const given = option ?? env[APP_PASSWORD_ENV] ?? null;
  if (given === null || given.trim() === '') {
    throw new UsageError(
      `${asking} needs an application password: --wp-app-password <value-or-file> or ${APP_PASSWORD_ENV}`,
    );
  }
  const info = await stat(given).catch(() => null);
  const value = info?.isFile() ? ((await readFile(given, 'utf8')).split(/\r?\n/)[0] ?? '') : given;
  if (value.trim() === '') throw new UsageError('--wp-app-password: the file holds no password on its first line');
  if (/[\r\n\u0000]/.test(value)) throw new UsageError('--wp-app-password holds a line break or NUL');
  return new AppPassword(value.trim());
}
