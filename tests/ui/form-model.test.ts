import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/names.js';
import { OPTION_TABLE } from '../../src/options.js';
import { buildFormModel, LEFT_OUT_OPTIONS } from '../../src/ui/form-model.js';
import { MESSAGES } from '../../src/ui/messages.js';

describe('the form, built from the option table', () => {
  const fields = buildFormModel();
  const field = (key: string) => fields.find((candidate) => candidate.key === key);

  it('offers every option of the CLI but those left out, each once', () => {
    const offered = OPTION_TABLE.filter((spec) => !LEFT_OUT_OPTIONS.has(spec.key)).map((spec) => spec.key);
    expect(fields.map((candidate) => candidate.key).sort()).toEqual([...offered].sort());
    expect(field('wpUrl')).toBeUndefined();
    expect(field('dryRun')).toBeUndefined();
  });

  it("carries each option's flag, help and default as the CLI states them", () => {
    for (const spec of OPTION_TABLE.filter((candidate) => !LEFT_OUT_OPTIONS.has(candidate.key))) {
      const shown = field(spec.key)!;
      expect(spec.flags).toContain(shown.flag);
      expect(shown.description).toBe(spec.description);
    }
    expect(field('out')).toMatchObject({ kind: 'text', initial: 'output', advanced: false });
    expect(field('concurrency')).toMatchObject({ kind: 'number', initial: '2', advanced: true });
    expect(field('limit')).toMatchObject({ kind: 'text', initial: '', placeholder: 'all' });
    expect(field('userAgent')).toMatchObject({ initial: '', placeholder: 'tistory-export/<version> (+npm page)' });
    expect(field('full')).toMatchObject({ kind: 'checkbox', initial: false });
    expect(field('categories')).toMatchObject({ kind: 'lines', initial: '' });
    expect(field('cookie')).toMatchObject({ kind: 'secret', initial: '', advanced: false });
  });

  it("turns an option of a few words into a choice of the table's words", () => {
    expect(field('images')).toMatchObject({
      kind: 'choice',
      choices: ['download', 'remote', 'none'],
      initial: 'download',
    });
    expect(field('comments')).toMatchObject({ kind: 'choice', choices: ['off', 'json', 'section'], initial: 'off' });
    expect(field('formats')).toMatchObject({
      kind: 'multi-choice',
      choices: FORMATS.filter((format) => format !== 'wordpress'),
      initial: ['markdown'],
    });
  });

  it('puts the options most people set first, in a fixed order, the rest behind "more options"', () => {
    const main = fields.filter((candidate) => !candidate.advanced).map((candidate) => candidate.key);
    expect(main).toEqual([
      'out',
      'formats',
      'images',
      'comments',
      'cookie',
      'blogUrl',
      'categories',
      'since',
      'until',
      'limit',
    ]);
    expect(fields.findIndex((candidate) => candidate.advanced)).toBe(main.length);
  });

  it('has a Korean label for every main field', () => {
    for (const candidate of fields.filter((one) => !one.advanced))
      expect(MESSAGES.ko.labels[candidate.key]).toBeTruthy();
  });
});
