// What a source URL selects, what `--category` values mean, and which fetched posts are in a selection.

import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseSource } from '../../src/selection/source.js';
import {
  combineSelection,
  describeSelection,
  isSelected,
  parseCategoryPath,
} from '../../src/selection/post-selection.js';
import { runSelection } from '../../src/selection/run-selection.js';

describe('a source URL', () => {
  it.each([
    ['https://name.tistory.com/category/개발', { kind: 'category', path: ['개발'] }],
    ['https://name.tistory.com/category/%EA%B0%9C%EB%B0%9C', { kind: 'category', path: ['개발'] }],
    ['https://name.tistory.com/category/%ea%b0%9c%eb%b0%9c/Python/', { kind: 'category', path: ['개발', 'Python'] }],
    [
      'https://name.tistory.com/category/%EC%9D%BC%EC%83%81%20%EA%B8%B0%EB%A1%9D?page=3',
      { kind: 'category', path: ['일상 기록'] },
    ],
    ['https://name.tistory.com/m/category/개발/Python', { kind: 'category', path: ['개발', 'Python'] }],
    ['https://blog.example.com/category/개발', { kind: 'category', path: ['개발'] }],
    ['https://name.tistory.com/tag/python', { kind: 'tag', tag: 'python' }],
    ['name.tistory.com/tag/%ED%8C%8C%EC%9D%B4%EC%8D%AC', { kind: 'tag', tag: '파이썬' }],
    ['https://name.tistory.com/category', { kind: 'blog' }],
    ['https://name.tistory.com/', { kind: 'blog' }],
    ['https://name.tistory.com/?page=2', { kind: 'blog' }],
    ['https://name.tistory.com/guestbook', { kind: 'other' }],
    ['https://name.tistory.com/archive/202401', { kind: 'other' }],
    ['https://name.tistory.com/tag', { kind: 'other' }],
  ])('%s names %j', (url, list) => {
    const source = parseSource(url);
    expect(source.postUrl).toBeNull();
    expect(source.list).toEqual(list);
  });

  it('naming one post selects nothing else', () => {
    expect(parseSource('https://name.tistory.com/entry/개발-일지').list).toEqual({ kind: 'blog' });
  });

  it('with broken percent-encoding is refused', () => {
    expect(() => parseSource('https://name.tistory.com/category/%EA%B0')).toThrow(UsageError);
    expect(() => parseSource('https://name.tistory.com/category/%EA%B0')).toThrow(
      'cannot read the category or tag name',
    );
  });
});

describe('--category values', () => {
  it('read a subcategory as a path, spaces and Unicode forms tidied', () => {
    expect(parseCategoryPath('개발/Python')).toEqual(['개발', 'Python']);
    expect(parseCategoryPath(' 일상 기록 ')).toEqual(['일상 기록']);
    expect(parseCategoryPath('\u1100\u1161\u11ab')).toEqual(['간']);
  });

  it.each(['', '  ', '개발/', '/Python', '개발//Python'])('refuse %j', (raw) => {
    expect(() => parseCategoryPath(raw)).toThrow(UsageError);
  });

  it("join the source URL's category; a subcategory of a chosen category adds nothing", () => {
    const { selection } = runSelection(
      parseSource('https://name.tistory.com/category/개발/Python'),
      ['여행', '개발', '여행'],
      'x',
    );
    expect(selection).toEqual({ categories: [['여행'], ['개발']], tag: null });
  });

  it('are refused with one post as the source', () => {
    expect(() =>
      runSelection(parseSource('https://name.tistory.com/123'), ['개발'], 'https://name.tistory.com/123'),
    ).toThrow(
      "--category chooses among a blog's posts, and https://name.tistory.com/123 is one post: give the blog's address",
    );
  });

  it('go with a tag URL: posts with the tag in those categories', () => {
    const { selection, warning } = runSelection(parseSource('https://name.tistory.com/tag/Python'), ['개발'], 'x');
    expect(selection).toEqual({ categories: [['개발']], tag: 'Python' });
    expect(warning).toBeNull();
    expect(describeSelection(selection)).toBe('tag Python in category 개발 (and its subcategories)');
  });

  it('leave a page that selects nothing to a warning: the whole blog, said', () => {
    const source = 'https://name.tistory.com/guestbook';
    expect(runSelection(parseSource(source), [], source)).toEqual({
      selection: { categories: [], tag: null },
      warning: `${source} is not a post, category or tag page: exporting the whole blog`,
    });
  });
});

describe('a fetched post', () => {
  const post = (categories: string[], tags: string[] = []) => ({ categories, tags });

  it('is in its category, its parent categories, and no other', () => {
    const selection = combineSelection([['개발']], null);
    expect(isSelected(post(['개발']), selection)).toBe(true);
    expect(isSelected(post(['개발', 'Python']), selection)).toBe(true);
    expect(isSelected(post(['개발자 일기']), selection)).toBe(false);
    expect(isSelected(post(['여행', '개발']), selection)).toBe(false);
    expect(isSelected(post([]), selection)).toBe(false);
    expect(isSelected(post(['개발']), combineSelection([['개발', 'Python']], null))).toBe(false);
  });

  it('matches names whatever their case or Unicode form', () => {
    expect(isSelected(post(['개발', 'Python']), combineSelection([['개발', 'python']], null))).toBe(true);
    expect(isSelected(post(['\u1100\u1161\u11ab']), combineSelection([['간']], null))).toBe(true);
  });

  it('is in a tag selection when it carries the tag, and in a category too when both are asked', () => {
    expect(isSelected(post(['여행'], ['Python']), combineSelection([], 'python'))).toBe(true);
    expect(isSelected(post(['여행'], ['파이썬']), combineSelection([], 'python'))).toBe(false);
    expect(isSelected(post(['여행'], ['Python']), combineSelection([['개발']], 'Python'))).toBe(false);
    expect(isSelected(post(['개발', 'Python'], ['Python']), combineSelection([['개발']], 'Python'))).toBe(true);
  });
});

it('describes what it selects in one phrase', () => {
  expect(describeSelection(combineSelection([['개발']], null))).toBe('category 개발 (and its subcategories)');
  expect(describeSelection(combineSelection([['개발', 'Python'], ['여행']], null))).toBe(
    'categories 개발/Python, 여행 (and their subcategories)',
  );
  expect(describeSelection(combineSelection([], 'python'))).toBe('tag python');
});
