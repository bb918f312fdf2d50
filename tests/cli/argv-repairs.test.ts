import { describe, expect, it } from 'vitest';
import { joinSplitFormatList, optionalValuesAlone, repairArgv } from '../../src/cli/argv-repairs.js';
import { UsageError } from '../../src/errors.js';
import { editDistance, nearestName } from '../../src/util/nearest-name.js';

const url = 'https://a.tistory.com';

describe('a format list split by a space after a comma', () => {
  it('is joined back, before or after the source, in every spelling of the flag', () => {
    expect(joinSplitFormatList([url, '-f', 'hugo,', 'wxr'])).toEqual([url, '-f', 'hugo,wxr']);
    expect(joinSplitFormatList(['-f', 'hugo,', 'wxr', url])).toEqual(['-f', 'hugo,wxr', url]);
    expect(joinSplitFormatList(['--format', 'hugo,', 'wxr,', 'jsonl', url])).toEqual([
      '--format',
      'hugo,wxr,jsonl',
      url,
    ]);
    expect(joinSplitFormatList(['--format=hugo,', 'wxr', url])).toEqual(['--format=hugo,wxr', url]);
    expect(joinSplitFormatList(['-fhugo,', 'wxr', url])).toEqual(['-fhugo,wxr', url]);
    expect(joinSplitFormatList(['-f', 'hugo', ',wxr', url])).toEqual(['-f', 'hugo,wxr', url]);
    expect(joinSplitFormatList(['-f', 'hugo', ',', 'wxr', url])).toEqual(['-f', 'hugo,wxr', url]);
  });

  it('joins a mistyped name too, so that it is answered as a format', () => {
    expect(joinSplitFormatList(['-f', 'hugo,', 'wrx', url])).toEqual(['-f', 'hugo,wrx', url]);
  });

  it('is refused when a URL, a path or a flag follows the comma', () => {
    for (const argv of [
      ['-f', 'hugo,', url],
      ['-f', 'hugo,', './backup.zip'],
      ['-f', 'hugo,', '-o', 'out', url],
      [url, '-f', 'hugo,'],
    ]) {
      expect(() => joinSplitFormatList(argv), argv.join(' ')).toThrow(UsageError);
    }
    expect(() => joinSplitFormatList([url, '-f', 'hugo,'])).toThrow(
      '--format "hugo," ends with a comma: list the formats with no space after a comma, as in -f hugo,wxr (or leave the comma out)',
    );
  });

  it("leaves everything else alone: other flags' values, and what follows --", () => {
    const argv = [url, '-o', '-f', '--user-agent', 'hugo,', 'wxr', '-f', 'markdown', '--', '-f', 'a,', 'b'];
    expect(joinSplitFormatList(argv)).toEqual(argv);
  });
});

describe('--comments given alone', () => {
  it('means json at the end, before a flag, and before the source', () => {
    expect(optionalValuesAlone([url, '--comments'])).toEqual([url, '--comments=json']);
    expect(optionalValuesAlone([url, '--comments', '-f', 'hugo'])).toEqual([url, '--comments=json', '-f', 'hugo']);
    expect(optionalValuesAlone(['--comments', url])).toEqual(['--comments=json', url]);
    expect(optionalValuesAlone(['--comments', './backup.zip', '--blog-url', url])).toEqual([
      '--comments=json',
      './backup.zip',
      '--blog-url',
      url,
    ]);
  });

  it('keeps a word after it as its value, to be checked as one', () => {
    expect(optionalValuesAlone([url, '--comments', 'section'])).toEqual([url, '--comments', 'section']);
    expect(optionalValuesAlone([url, '--comments', 'sectoin'])).toEqual([url, '--comments', 'sectoin']);
    expect(optionalValuesAlone([url, '--comments=off'])).toEqual([url, '--comments=off']);
  });

  it("is not mistaken in another flag's value", () => {
    expect(optionalValuesAlone([url, '--user-agent', '--comments'])).toEqual([url, '--user-agent', '--comments']);
  });
});

describe('both repairs together', () => {
  it("turn a newcomer's command into the one meant", () => {
    expect(repairArgv(['--comments', url, '-f', 'md,', 'hugo'])).toEqual(['--comments=json', url, '-f', 'md,hugo']);
  });
});

describe('the nearest known name', () => {
  it('counts a swap of two letters as one edit', () => {
    expect(editDistance('wrx', 'wxr')).toBe(1);
    expect(editDistance('markdwon', 'markdown')).toBe(1);
    expect(editDistance('hugo', 'hugo')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('guesses close misses and the one name a word begins, and nothing far or ambiguous', () => {
    const formats = ['markdown', 'hugo', 'jekyll', 'hexo', 'astro', 'obsidian', 'wxr', 'ghost', 'jsonl'];
    expect(nearestName('markdwon', formats)).toBe('markdown');
    expect(nearestName('Wrx', formats)).toBe('wxr');
    expect(nearestName('json', formats)).toBe('jsonl');
    expect(nearestName('obs', formats)).toBe('obsidian');
    expect(nearestName('docx', formats)).toBeNull();
    expect(nearestName('h', formats)).toBeNull();
    expect(nearestName('yes', ['off', 'json', 'section'])).toBeNull();
    expect(nearestName('ab', ['ac', 'ad'])).toBeNull();
  });
});
