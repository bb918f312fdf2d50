import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { markdownFrontMatter, renderDocument } from '../../src/targets/front-matter.js';
import type { ConvertedPost, PostMeta } from '../../src/types.js';
import { KEEP_URLS, postOf } from './post-fixture.js';

function post(overrides: Partial<PostMeta> = {}): ConvertedPost {
  const meta: PostMeta = {
    id: '30',
    url: 'https://example.tistory.com/30',
    title: '제목',
    published: '2022-12-20T12:04:47+09:00',
    updated: '2022-12-21T09:00:00+09:00',
    categories: ['개발', 'Python'],
    tags: ['python', '비동기'],
    author: '글쓴이',
    description: '요약',
    cover: null,
    blogName: '블로그',
    ...overrides,
  };
  return postOf(meta, { id: '30', slug: '제목', html: '<p>본문</p>', markdown: '본문' });
}

/** Parsed as YAML 1.2 and as YAML 1.1 (Jekyll's and PyYAML's dialect); both readings must agree. */
function frontMatter(converted: ConvertedPost): Record<string, unknown> {
  return markdownFrontMatter(converted, converted.render(KEEP_URLS));
}

function frontMatterOf(document: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(document);
  expect(match).not.toBeNull();
  const modern = parse(match![1]!) as Record<string, unknown>;
  expect(parse(match![1]!, { version: '1.1' })).toEqual(modern);
  return modern;
}

describe('markdown front matter', () => {
  it('writes every field the issue names, dates with their +09:00 offset', () => {
    const document = renderDocument(frontMatter(post({ cover: 'https://blog.kakaocdn.net/dn/a/b/c/img.png' })), '본문');
    expect(frontMatterOf(document)).toEqual({
      title: '제목',
      date: '2022-12-20T12:04:47+09:00',
      updated: '2022-12-21T09:00:00+09:00',
      categories: ['개발', 'Python'],
      tags: ['python', '비동기'],
      author: '글쓴이',
      description: '요약',
      cover: 'https://blog.kakaocdn.net/dn/a/b/c/img.png',
      source: 'https://example.tistory.com/30',
      tistory_id: '30',
    });
    expect(document.endsWith('\n본문\n')).toBe(true);
  });

  it('leaves cover out when there is none and keeps empty category lists', () => {
    const fields = frontMatterOf(renderDocument(frontMatter(post({ categories: [] })), ''));
    expect(fields).not.toHaveProperty('cover');
    expect(fields.categories).toEqual([]);
  });

  it.each([
    'C++: "포인터" 완전 정복 #1',
    '- 대시로 시작',
    '> 인용처럼',
    "작은따옴표 ' 와 콜론: 둘 다",
    '* 별표',
    '여러\n줄 제목',
    'yes',
    'on',
    'null',
    '123',
    '2024-01-01',
  ])('round-trips the title %j through YAML', (title) => {
    expect(frontMatterOf(renderDocument(frontMatter(post({ title })), 'x')).title).toBe(title);
  });
});
