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
        'tistory-export: -f wordpress needs an application password: --wp-app-password <value-or-file> or TISTORY_EXPORT_WP_APP_PASSWORD\n',
      );
    } finally {
      if (saved !== undefined) process.env.TISTORY_EXPORT_WP_APP_PASSWORD = saved;
    }
  });
});
