// Notices and static pages carry the skin markup of a post: their address makes them what they are.

import { beforeAll, describe, expect, it } from 'vitest';
import { loadFixtureBlog } from '../../demo/blog/fixture-data.js';
import { routeFixtureRequest } from '../../demo/blog/fixture-routes.js';
import type { FixtureSite } from '../../demo/blog/fixture-site.js';
import { specialEntryOf } from '../../src/extract/entry-kind.js';
import { extractPost } from '../../src/extract/index.js';
import type { PostMeta } from '../../src/types.js';

const ORIGIN = 'https://export-demo.tistory.com';
let site: FixtureSite;
beforeAll(async () => {
  site = { origin: ORIGIN, blog: await loadFixtureBlog(), style: 'id' };
});

function extracted(
  path: string,
  edit: (html: string) => string = (html) => html,
  fetchedPath = path,
): { meta: PostMeta; body: string } {
  const answer = routeFixtureRequest(site, path);
  expect(answer.status, path).toBe(200);
  const result = extractPost(edit(answer.body), `${ORIGIN}${fetchedPath}`);
  if (result.status !== 'ok') throw new Error(`${path}: ${result.status}`);
  return { meta: result.meta, body: result.bodyHtml };
}

describe('kind of an entry, from the fixture blog pages', () => {
  it('reads a notice as a notice, with its id and no category (the skin prints 공지사항 there)', () => {
    const { meta, body } = extracted('/notice/42');
    expect(meta).toMatchObject({
      kind: 'notice',
      id: '42',
      url: `${ORIGIN}/notice/42`,
      title: '댓글을 남기기 전에 읽어 주세요',
      categories: [],
      tags: [],
    });
    expect(body).toContain('운영체제와 버전');
    expect(body).not.toContain('공지사항');
  });

  it('reads a static page as a page: the head’s entry id when it states one, else page-<slug>', () => {
    expect(extracted('/pages/about').meta).toMatchObject({
      kind: 'page',
      id: '31',
      url: `${ORIGIN}/pages/about`,
      title: '소개',
      categories: [],
    });
    const contact = extracted('/pages/%EC%97%B0%EB%9D%BD%EC%B2%98').meta;
    expect(contact).toMatchObject({
      kind: 'page',
      id: 'page-연락처',
      title: '연락처',
      published: '2024-10-02T15:20:00+09:00',
    });
  });

  it('gives an ordinary post no kind at all, so what is saved of it stays as it was', () => {
    const { meta } = extracted('/41');
    expect(Object.keys(meta)).not.toContain('kind');
    expect(meta.id).toBe('41');
  });

  it('knows a notice read from its mobile page, and a page whose head names only the blog', () => {
    const withoutAddress = (html: string) =>
      html.replace(/<meta property="og:url"[^>]*>/, '').replace(/<link rel="canonical"[^>]*>/, '');
    expect(extracted('/notice/16', withoutAddress, '/m/notice/16').meta).toMatchObject({
      kind: 'notice',
      id: '16',
      url: `${ORIGIN}/notice/16`,
    });
    const rootAddress = (html: string) => html.replace(/(<meta property="og:url" content=")[^"]*"/, `$1${ORIGIN}/"`);
    const txidless = (html: string) =>
      rootAddress(html)
        .replace(/<meta property="article:txid"[^>]*>/, '')
        .replace(/window\.T\.entryInfo = [^\n]*/, '');
    expect(extracted('/pages/about', txidless).meta).toMatchObject({ kind: 'page', id: 'page-about' });
  });
});

describe('specialEntryOf', () => {
  it('lets the first address that is an entry decide, and says nothing of posts and other pages', () => {
    expect(specialEntryOf([`${ORIGIN}/notice/7`])).toEqual({ kind: 'notice', idFromAddress: '7' });
    expect(specialEntryOf([null, `${ORIGIN}/m/pages/%EC%86%8C%EA%B0%9C`])).toEqual({
      kind: 'page',
      idFromAddress: 'page-소개',
    });
    expect(specialEntryOf([`${ORIGIN}/`, `${ORIGIN}/notice/7`])).toEqual({ kind: 'notice', idFromAddress: '7' });
    expect(specialEntryOf([`${ORIGIN}/7`, `${ORIGIN}/notice/7`])).toBeNull();
    expect(specialEntryOf([`${ORIGIN}/entry/abc`])).toBeNull();
    expect(specialEntryOf([`${ORIGIN}/notice`, `${ORIGIN}/pages`, `${ORIGIN}/guestbook`])).toBeNull();
  });
});
