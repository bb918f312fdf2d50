import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { captureIo } from '../helpers/capture-io.js';

async function refusal(...args: string[]) {
  const { io, err } = captureIo();
  const code = await runCli(['https://blog.tistory.com', '-o', '/nonexistent/never-made', ...args], io);
  return { code, err: err.join('') };
}

describe('the -f wordpress options', () => {
  it('asks for the site and the user, in one line, with exit 2', async () => {
    expect(await refusal('-f', 'wordpress')).toEqual({
      code: 2,
      err: "tistory-export: -f wordpress needs --wp-url: the WordPress site's address (https://example.com)\n",
    });
    expect(await refusal('-f', 'wordpress', '--wp-url', 'https://example.com')).toEqual({
      code: 2,
      err: 'tistory-export: -f wordpress needs --wp-user: the user the application password belongs to\n',
    });
  });

  it('refuses --wp-* without -f wordpress, and values it does not know', async () => {
    expect(await refusal('--wp-url', 'https://example.com', '--wp-status', 'publish')).toEqual({
      code: 2,
      err: 'tistory-export: --wp-url, --wp-status are for -f wordpress (add wordpress to --format)\n',
    });
    expect((await refusal('-f', 'wordpress', '--wp-url', 'ftp://example.com', '--wp-user', 'a')).err).toBe(
      'tistory-export: --wp-url must be a WordPress site\'s http(s) address such as https://example.com, got "ftp://example.com"\n',
    );
    expect((await refusal('-f', 'wordpress', '--wp-status', 'public')).err).toMatch(
      /^tistory-export: --wp-status must be one of draft, publish, got "public"/,
    );
  });

  it('asks for the application password when neither the option nor the variable gives one', async () => {
    const saved = process.env.TISTORY_EXPORT_WP_APP_PASSWORD;
    delete process.env.TISTORY_EXPORT_WP_APP_PASSWORD;
    try {
      const { code, err } = await refusal('--wp-undo', '--wp-url', 'http://127.0.0.1:9', '--wp-user', 'a');
      expect(code).toBe(2);
      expect(err).toBe(
        'tistory-export: --wp-undo needs an application password: --wp-app-password <value-or-file> or TISTORY_EXPORT_WP_APP_PASSWORD\n',
      );
    } finally {
      if (saved !== undefined) process.env.TISTORY_EXPORT_WP_APP_PASSWORD = saved;
    }
  });

  it('runs --wp-undo without a blog, and says in one line what it still lacks', async () => {
    const undo = async (...args: string[]) => {
      const { io, err } = captureIo();
      return { code: await runCli(['--wp-undo', ...args], io), err: err.join('') };
    };
    expect(await undo('-o', '/nonexistent/never-made')).toEqual({
      code: 2,
      err: "tistory-export: --wp-undo needs --wp-url: the WordPress site's address (https://example.com)\n",
    });
    expect(await undo('--wp-url', 'http://127.0.0.1:9')).toEqual({
      code: 2,
      err: 'tistory-export: --wp-undo needs --wp-user: the user the application password belongs to\n',
    });
    // No record in the folder: refused before the site is asked (nothing listens on port 9) or the folder made.
    const folder = await mkdtemp(join(tmpdir(), 'te-wp-undo-'));
    try {
      const out = join(folder, 'never-published');
      expect(
        await undo('-o', out, '--wp-url', 'http://127.0.0.1:9/', '--wp-user', 'a', '--wp-app-password', 'x y z'),
      ).toEqual({
        code: 2,
        err: `tistory-export: --wp-undo: ${out} holds no record of a -f wordpress run to http://127.0.0.1:9; give -o the output folder of that run\n`,
      });
      expect(await readdir(folder)).toEqual([]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('still asks for a source when there is nothing to undo', async () => {
    const { io, err } = captureIo();
    expect(await runCli(['-o', 'out', '-f', 'markdown'], io)).toBe(2);
    expect(err.join('')).toBe("tistory-export: missing required argument 'source'\n");
  });
});
