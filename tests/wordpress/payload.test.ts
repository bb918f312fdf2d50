import { describe, expect, it } from 'vitest';
import { commentPayload, gmtDate, payloadHash, postPayload, statusFor } from '../../src/publish/wordpress/payload.js';
import { uploadName } from '../../src/publish/wordpress/media.js';
import { AppPassword } from '../../src/publish/wordpress/app-password.js';
import { inspect } from 'node:util';
import type { PostMeta } from '../../src/types.js';

const meta: PostMeta = {
  id: '12',
  url: 'https://blog.tistory.com/12',
  title: 'Python 정리',
  published: '2022-12-20T12:04:47+09:00',
  updated: null,
  categories: ['개발', 'Python'],
  tags: ['python'],
  author: 'me',
  description: '요약',
  cover: null,
  blogName: null,
};

describe('the REST payload of a post', () => {
  it('carries the exact instant as date_gmt, the slug, terms and the featured image', () => {
    expect(
      postPayload({
        meta,
        slug: 'python-정리',
        html: '<p>x</p>',
        status: 'draft',
        categoryIds: [5],
        tagIds: [7, 8],
        featuredMediaId: 9,
      }),
    ).toEqual({
      title: 'Python 정리',
      content: '<p>x</p>',
      excerpt: '요약',
      slug: 'python-정리',
      status: 'draft',
      date_gmt: '2022-12-20T03:04:47',
      categories: [5],
      tags: [7, 8],
      featured_media: 9,
    });
  });

  it('makes notices and pages WordPress pages, without terms, open to the comments they bring', () => {
    const payload = postPayload({
      meta: { ...meta, kind: 'notice' },
      slug: 'n',
      html: '',
      status: 'publish',
      categoryIds: [5],
      tagIds: [7],
      featuredMediaId: null,
      hasComments: true,
    });
    expect(payload).not.toHaveProperty('categories');
    expect(payload).not.toHaveProperty('tags');
    expect(payload.comment_status).toBe('open');
  });

  it('leaves the date to WordPress when the post has none, and changes its hash with any field', () => {
    const undated = postPayload({
      meta: { ...meta, published: null },
      slug: 's',
      html: '',
      status: 'draft',
      categoryIds: [],
      tagIds: [],
      featuredMediaId: null,
    });
    expect(undated).not.toHaveProperty('date_gmt');
    expect(gmtDate('not a date')).toBeNull();
    expect(payloadHash(undated)).not.toBe(payloadHash({ ...undated, content: '<p>changed</p>' }));
  });
});

describe('the REST payload of a comment', () => {
  const comment = {
    id: '1',
    parentId: null,
    author: { name: '방문자', homepage: 'https://example.com/' },
    published: '2023-01-02T03:04:05+09:00',
    secret: false,
    text: '좋은 글',
    replies: [],
  };

  it('keeps author, address, text, date and parent, approved', () => {
    expect(commentPayload(comment, 10, 4)).toMatchObject({
      post: 10,
      parent: 4,
      author_name: '방문자',
      author_url: 'https://example.com/',
      content: '좋은 글',
      status: 'approved',
      date_gmt: '2023-01-01T18:04:05',
    });
  });

  it('holds a secret comment for moderation without its text', () => {
    expect(commentPayload({ ...comment, secret: true, text: null }, 10, 0)).toMatchObject({
      content: '비밀 댓글입니다.',
      status: 'hold',
    });
  });
});

describe('statuses, file names and the password', () => {
  it("never publishes a protected post by the posts' status", () => {
    expect(statusFor('ok', 'publish', 'draft')).toBe('publish');
    expect(statusFor('protected', 'publish', 'draft')).toBe('draft');
    expect(statusFor('protected', 'publish', 'private')).toBe('private');
    expect(statusFor('protected', 'publish', 'skip')).toBeNull();
  });

  it('sends a Hangul file name as the slug with its extension', () => {
    expect(uploadName('photo-1a2b.png', 'tistory-abc')).toBe('photo-1a2b.png');
    expect(uploadName('사진-1a2b.PNG', 'tistory-abc')).toBe('tistory-abc.png');
  });

  it('shows a placeholder for the application password, however it is printed', () => {
    const password = new AppPassword('abcd efgh ijkl');
    expect(`${password} ${JSON.stringify({ password })} ${inspect(password)}`).not.toContain('abcd');
    expect(password.reveal()).toBe('abcd efgh ijkl');
  });
});
