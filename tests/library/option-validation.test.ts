// The library refuses what the command line refuses, with the same words and before any request: every
// value goes through the option table's checks (a bad number once surfaced as a RangeError from the HTTP
// client, an unknown format as a TypeError from inside a target).

import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { exportBlog, type ExportOptions } from '../../src/export.js';
import type { Fetcher } from '../../src/types.js';

/** Any request at all fails the test: a refusal comes before the network. */
const noNetwork: Fetcher = {
  get: async (url: string) => {
    throw new Error(`requested ${url}`);
  },
};

async function refusal(values: Record<string, unknown>): Promise<{ error: unknown; wrote: boolean }> {
  const outDir = join(await mkdtemp(join(tmpdir(), 'te-library-')), 'export');
  const options = { source: 'https://example.tistory.com', outDir, fetcher: noNetwork, ...values } as ExportOptions;
  const error = await exportBlog(options).then(
    () => null,
    (failure: unknown) => failure,
  );
  return { error, wrote: existsSync(outDir) };
}

describe('exportBlog checks every option like the command line', () => {
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ formats: ['docx'] }, /^unknown format "docx" \(choose from: markdown, /],
    [{ formats: ['mrkdown'] }, /did you mean markdown\?/],
    [{ formats: 'hugo' }, /^formats must be a list of: /],
    [{ since: 'yesterday' }, /^--since must be a date/],
    [{ since: '2024-03-31', until: '2024-03-01' }, /until/],
    [{ concurrency: 0 }, /^--concurrency must be a whole number of at least 1, got 0$/],
    [{ retries: -1 }, /^--retries must be a whole number of 0 or more, got -1$/],
    [{ rate: '2' }, /^--rate must be a number of 0 or more, got "2"$/],
    [{ limit: 2.5 }, /^--limit must be a whole number of at least 1, got 2\.5$/],
    [{ workers: Number.NaN }, /^--workers must be a whole number of 0 or more/],
    [{ images: 'dl' }, /^--images must be one of download, remote, none, got "dl"/],
    [{ comments: 'jsn' }, /did you mean json\?/],
    [{ redirectTo: 'posts/{slug}' }, /^--redirect-to must be a path starting with \//],
    [{ filesUrl: 5 }, /^--files-url must be text, got 5$/],
    [{ dryRun: 'yes' }, /^dryRun must be true or false, got "yes"$/],
    [{ categories: '개발' }, /^categories must be a list/],
    [{ filesUrl: 'https://example.com/files/' }, /^--files-url is for -f wxr/],
    [{ offline: true }, /^--offline needs --cache/],
    [{ blogUrl: 'https://example.tistory.com' }, /^--blog-url is for a backup source/],
  ];
  for (const [values, message] of cases) {
    it(`refuses ${JSON.stringify(values)}`, async () => {
      const { error, wrote } = await refusal(values);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toMatch(message);
      expect(wrote).toBe(false);
    });
  }

  it('takes a null limit as no limit, as the option table defaults it', async () => {
    const { error } = await refusal({ limit: null });
    // Past the checks, the run reaches the network, where this fetcher answers nothing.
    expect(error).not.toBeInstanceOf(UsageError);
    expect(String(error)).toContain('https://example.tistory.com could not be read');
  });
});
