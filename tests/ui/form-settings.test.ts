import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { defaultSettings } from '../../src/options.js';
import { settingsFromForm } from '../../src/ui/form-settings.js';

/** The message a value gets, as the CLI words it. */
function refusal(values: Record<string, unknown>): string {
  try {
    settingsFromForm(values);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('accepted');
}

describe("the form's values as settings", () => {
  it('are the defaults for an untouched form', () => {
    expect(
      settingsFromForm({ out: 'output', formats: ['markdown'], limit: '', userAgent: '', full: false, categories: '' }),
    ).toEqual(defaultSettings());
  });

  it("are read by the option table's parsers", () => {
    const settings = settingsFromForm({
      out: ' my-blog ',
      formats: ['hugo', 'jsonl'],
      images: 'remote',
      comments: 'section',
      limit: '5',
      concurrency: '3',
      categories: '개발/Python\n\n 일상 \n',
      full: true,
      cookie: 'TSSESSION=abc; other=1',
    });
    expect(settings).toMatchObject({
      out: 'my-blog',
      formats: ['hugo', 'jsonl'],
      images: 'remote',
      comments: 'section',
      limit: 5,
      concurrency: 3,
      categories: ['개발/Python', '일상'],
      full: true,
      cookie: 'TSSESSION=abc; other=1',
    });
  });

  it("are refused with the CLI's own words", () => {
    expect(refusal({ concurrency: '0' })).toBe('--concurrency must be a whole number of at least 1, got "0"');
    expect(refusal({ formats: [] })).toMatch(/^--format needs at least one of: markdown, /);
    expect(refusal({ images: 'downlod' })).toBe(
      '--images must be one of download, remote, none, got "downlod" (did you mean download?)',
    );
    expect(refusal({ offline: true })).toBe('--offline needs --cache <dir>: the folder a run with --cache filled');
  });

  it('take an emptied text field for the option left out, as the CLI without the flag', () => {
    expect(settingsFromForm({ out: '   ', limit: '', since: ' ' })).toMatchObject({
      out: 'output',
      limit: null,
      since: null,
    });
  });

  it('refuse what the app does not offer', () => {
    expect(refusal({ wpUrl: 'https://example.com' })).toBe('the app does not set "wpUrl": use the command line for it');
    expect(refusal({ formats: ['wordpress'] })).toMatch(/^-f wordpress needs --wp-url/);
    expect(refusal({ full: 'yes' })).toBe('--full must be on or off');
  });
});
