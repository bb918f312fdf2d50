// Property tests: whatever a title, slug or URL holds, the file it names lands inside the output folder
// under a name every common file system accepts.

import fc from 'fast-check';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MAX_NAME_BYTES,
  UnsafePathError,
  isReservedWindowsName,
  resolveInside,
  safeFileName,
} from '../../src/util/safe-path.js';
import { SlugAllocator, slugify } from '../../src/util/slug.js';

/** Pieces that break naive file naming, mixed with arbitrary Unicode. */
const HOSTILE = [
  '../',
  '..',
  '.',
  '/',
  '\\',
  '\u0000',
  'C:\\',
  '/etc/passwd',
  'CON',
  'nul.md',
  'LPT1',
  'com¹',
  ' ',
  '.',
  ':',
  '*',
  '?',
  '"',
  '<',
  '>',
  '|',
  '\n',
  '\t',
  '한글',
  '한글'.normalize('NFD'),
  'Å',
  'é',
  '🎉',
  '\u200b',
  '\u202e',
  '%2e%2e%2f',
];
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc
    .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 30 })
    .map((parts) => parts.join('')),
  fc.string({ unit: fc.constantFrom('가', '나', '힣', 'a', '.'), minLength: 100, maxLength: 400 }),
);

const OUT = resolve('/tmp/te-out');

function expectSafeName(name: string): void {
  expect(name).not.toBe('');
  expect(name).not.toMatch(/[/\\\u0000-\u001f:*?"<>|]/);
  expect(name).not.toMatch(/^[\s.]|[\s.]$/);
  expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
  expect(name.normalize('NFC')).toBe(name);
  expect(isReservedWindowsName(name)).toBe(false);
}

describe('slugify', () => {
  it('gives letters and digits of any script joined by single hyphens, NFC, within 120 bytes', () => {
    fc.assert(
      fc.property(hostileText, (title) => {
        const slug = slugify(title);
        expect(slug).toMatch(/^(?:[\p{L}\p{N}\p{M}]+(?:-[\p{L}\p{N}\p{M}]+)*)?$/u);
        expect(slug.normalize('NFC')).toBe(slug);
        expect(Buffer.byteLength(slug)).toBeLessThanOrEqual(120);
        if (slug !== '') expectSafeName(slug);
      }),
      { numRuns: 2000 },
    );
  });

  it('spells an NFD and an NFC title the same way', () => {
    fc.assert(
      fc.property(hostileText, (title) => {
        expect(slugify(title.normalize('NFD'))).toBe(slugify(title.normalize('NFC')));
      }),
    );
  });
});

describe('SlugAllocator', () => {
  it('hands out unique, safe names that stay inside the output folder, even for URL-shaped ids', () => {
    const id = fc.oneof(fc.integer({ min: 1, max: 99_999 }).map(String), fc.webUrl(), hostileText);
    fc.assert(
      fc.property(fc.array(fc.tuple(hostileText, id), { maxLength: 40 }), (posts) => {
        const slugs = new SlugAllocator();
        const byId = new Map<string, string>();
        for (const [title, postId] of posts) {
          const slug = slugs.allocate(title, postId);
          expectSafeName(`${slug}.md`);
          const path = resolveInside(OUT, `markdown/${slug}.md`);
          expect(path.startsWith(`${OUT}${sep}markdown${sep}`)).toBe(true);
          if (!byId.has(postId)) byId.set(postId, slug);
        }
        // One slug per post id, never one slug for two ids.
        expect(new Set(byId.values()).size).toBe(byId.size);
      }),
      { numRuns: 500 },
    );
  });

  it('never puts the raw id of a post without a Tistory id into a path', () => {
    const slugs = new SlugAllocator();
    slugs.allocate('같은 제목', 'http://127.0.0.1:8080/entry/a');
    const second = slugs.allocate('같은 제목', 'http://127.0.0.1:8080/entry/../../b');
    expect(second).not.toMatch(/[/:.]/);
    expect(second).toMatch(/^같은-제목-/);
  });
});

describe('safeFileName', () => {
  it('makes any text a safe, idempotent file name', () => {
    fc.assert(
      fc.property(hostileText, (name) => {
        const safe = safeFileName(name);
        expectSafeName(safe);
        expect(safeFileName(safe)).toBe(safe);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the extension when it shortens a long name', () => {
    const name = safeFileName(`${'가'.repeat(200)}.png`);
    expect(name.endsWith('.png')).toBe(true);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
  });

  it('renames reserved Windows names and falls back when nothing is left', () => {
    expect(safeFileName('CON.md')).toBe('_CON.md');
    expect(safeFileName('aux')).toBe('_aux');
    expect(safeFileName('..', 'image')).toBe('image');
    expect(safeFileName(' . ', '')).toBe('file');
    expect(safeFileName('a\u0000/b')).toBe('a--b');
    expect(safeFileName('한글'.normalize('NFD'))).toBe('한글');
  });
});

describe('resolveInside', () => {
  it('either refuses a path or returns one inside the folder', () => {
    const segment = fc.oneof(fc.constantFrom('..', '.', '', 'a', '..\\..', 'C:', '/'), hostileText);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), fc.boolean(), (segments, absolute) => {
        const path = `${absolute ? '/' : ''}${segments.join('/')}`;
        let resolved: string;
        try {
          resolved = resolveInside(OUT, path);
        } catch (error) {
          expect(error).toBeInstanceOf(UnsafePathError);
          return;
        }
        const inside = relative(OUT, resolved);
        expect(inside).not.toBe('');
        expect(inside.split(sep)[0]).not.toBe('..');
        expect(resolve(OUT, inside)).toBe(resolved);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses traversal, absolute paths and NUL', () => {
    for (const path of ['../x.md', 'markdown/../../x.md', '/etc/passwd', 'C:\\x', 'a\u0000b', 'markdown//x.md', '']) {
      expect(() => resolveInside(OUT, path), path).toThrow(UnsafePathError);
    }
    expect(resolveInside(OUT, 'markdown/글.md')).toBe(join(OUT, 'markdown', '글.md'));
  });
});
