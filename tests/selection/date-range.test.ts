// `--since` and `--until`: days in Korean time, both ends included, and bad values refused in one line
// whether they come as flags or in a library call.

import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { UsageError } from '../../src/errors.js';
import { exportBlog } from '../../src/export.js';
import { defaultSettings, validateSettings } from '../../src/options.js';
import { checkDateRange, isWithinDates, parseSince, parseUntil } from '../../src/selection/date-range.js';
import { captureIo } from '../helpers/capture-io.js';

describe('date bounds', () => {
  it('take a day from its first moment (--since) to its last (--until), in Korean time', () => {
    expect(parseSince('2024-03-01')).toBe('2024-03-01T00:00:00+09:00');
    expect(parseUntil('2024-03-31')).toBe('2024-03-31T23:59:59.999+09:00');
    expect(parseUntil(' 2024-03-31T18:00:00Z ')).toBe('2024-03-31T18:00:00Z');
  });

  it('are read the same a second time (a library value already parsed)', () => {
    expect(parseUntil(parseUntil('2024-03-31'))).toBe(parseUntil('2024-03-31'));
    expect(parseSince(parseSince('2024-03-01'))).toBe(parseSince('2024-03-01'));
  });

  it('include both ends', () => {
    const since = parseSince('2024-03-01');
    const until = parseUntil('2024-03-31');
    expect(isWithinDates('2024-03-01T00:00:00+09:00', since, until)).toBe(true);
    expect(isWithinDates('2024-03-31T23:59:59+09:00', since, until)).toBe(true);
    // 23:30 in Seoul is 14:30 UTC the same day: in; 00:10 on April 1st in Seoul is still March 31st in UTC: out.
    expect(isWithinDates('2024-03-31T14:30:00Z', since, until)).toBe(true);
    expect(isWithinDates('2024-04-01T00:10:00+09:00', since, until)).toBe(false);
    expect(isWithinDates('2024-02-29T23:59:59+09:00', since, until)).toBe(false);
    expect(isWithinDates(null, since, null)).toBe(false);
    expect(isWithinDates('2020-01-01T00:00:00+09:00', null, until)).toBe(true);
  });

  it.each(['yesterday', '2024-02-30', '2024-13-01', '2024-3-1', '2024-03-01 09:00', '20240301'])('refuse %j', (raw) => {
    expect(() => parseUntil(raw)).toThrow(UsageError);
    expect(() => parseUntil(raw)).toThrow(
      `--until must be a date (2024-03-31, Korean time) or an ISO 8601 time (2024-03-31T09:00:00+09:00), got "${raw}"`,
    );
  });

  it('refuse an --until before --since, and accept the same day for both', () => {
    expect(() => checkDateRange(parseSince('2024-04-01'), parseUntil('2024-03-31'))).toThrow(
      '--until 2024-03-31 is before --since 2024-04-01: no post can be in between',
    );
    expect(() => checkDateRange(parseSince('2024-03-31'), parseUntil('2024-03-31'))).not.toThrow();
  });
});

describe('validateSettings', () => {
  it("refuses a library call's bad date, bad order and bad category with the flags' words", () => {
    expect(() => validateSettings({ ...defaultSettings(), until: 'soon' })).toThrow('--until must be a date');
    expect(() => validateSettings({ ...defaultSettings(), since: '2024-05-01', until: '2024-04-30' })).toThrow(
      'is before --since',
    );
    expect(() => validateSettings({ ...defaultSettings(), categories: ['개발', ''] })).toThrow(
      '--category needs a category name',
    );
    expect(() => validateSettings({ ...defaultSettings(), categories: '개발' as unknown as string[] })).toThrow(
      'categories must be a list',
    );
  });

  it("takes a library call's good values", () => {
    expect(() =>
      validateSettings({ ...defaultSettings(), since: '2024-03-01', until: '2024-03-01', categories: ['개발/Python'] }),
    ).not.toThrow();
  });
});

describe('bad values', () => {
  it('stop exportBlog before any request', async () => {
    const fetcher = { get: () => Promise.reject(new Error('no request expected')) };
    await expect(
      exportBlog({ source: 'https://name.tistory.com', until: '2024-02-31', fetcher, dryRun: true }),
    ).rejects.toThrow(UsageError);
  });

  it.each([
    [
      ['--until', 'tomorrow'],
      '--until must be a date (2024-03-31, Korean time) or an ISO 8601 time (2024-03-31T09:00:00+09:00), got "tomorrow"',
    ],
    [
      ['--since', '2024-05-01', '--until', '2024-04-30'],
      '--until 2024-04-30 is before --since 2024-05-01: no post can be in between',
    ],
    [
      ['--category', '개발//Python'],
      '--category needs a category name such as 개발, or 개발/Python for a subcategory, got "개발//Python"',
    ],
  ])('end the CLI with one line and exit 2: %j', async (flags, message) => {
    const { out, err, io } = captureIo();
    const code = await runCli(['https://name.tistory.com', '--dry-run', ...flags], io);
    expect(code).toBe(2);
    expect(out.join('')).toBe('');
    expect(err.join('')).toBe(`tistory-export: ${message}\n`);
  });
});
