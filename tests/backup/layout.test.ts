import { describe, expect, it } from 'vitest';
import { extractBackupPost } from '../../src/backup/extract-backup-post.js';
import { findPostPages } from '../../src/backup/layout.js';
import { backupPage } from './backup-fixture.js';

describe('post pages of a backup', () => {
  it('takes {id}.html or {slug}.html per folder, sorts by numeric id, ignores images and stray files', () => {
    const pages = findPostPages([
      'b/1000/1000.html',
      'b/1000/img/1000.html',
      'b/99/99.html',
      'b/99/index.html',
      'b/250/파이썬-기초.html',
      'b/250/img/a.png',
      'b/notes/%EB%A9%94%EB%AA%A8.html',
      'b/style.css',
    ]);
    expect(pages).toEqual([
      { htmlPath: 'b/99/99.html', id: '99', slug: null },
      { htmlPath: 'b/250/파이썬-기초.html', id: '250', slug: '파이썬-기초' },
      { htmlPath: 'b/1000/1000.html', id: '1000', slug: null },
      { htmlPath: 'b/notes/%EB%A9%94%EB%AA%A8.html', id: null, slug: '메모' },
    ]);
  });
});

describe('one backup page', () => {
  const lookup = {
    postUrl: 'https://tistory-backup.invalid/5',
    hasFile: () => false,
    urlOf: (path: string) => `local:${path}`,
  };

  it('fails a page whose body is empty once ads are gone, keeping its metadata', () => {
    const html = backupPage({
      title: '빈 글',
      category: '일상',
      date: '2025-01-01 12:00:00',
      body: '<div class="revenue_unit_wrap">728x90</div><p>&nbsp;</p>',
    });
    const { extraction } = extractBackupPost(html, { htmlPath: '5/5.html', id: '5', slug: null }, lookup);
    expect(extraction.status).toBe('failed');
    if (extraction.status !== 'failed') return;
    expect(extraction.meta?.title).toBe('빈 글');
  });

  it('fails a page with no post body at all', () => {
    const { extraction } = extractBackupPost(
      '<html><body><p>hello</p></body></html>',
      { htmlPath: '5/5.html', id: '5', slug: null },
      lookup,
    );
    expect(extraction).toMatchObject({ status: 'failed', error: expect.stringContaining('no post body') });
  });

  it('keeps a post whose text talks about pages that cannot be found', () => {
    // The live-page classifier would call this a deleted post; a backup page always holds a post.
    const html = backupPage({
      title: '404 에러',
      category: '개발',
      date: '2025-01-01 12:00:00',
      body: '<p>페이지를 찾을 수 없습니다 오류는 이렇게 고친다.</p>',
    });
    const { extraction } = extractBackupPost(html, { htmlPath: '5/5.html', id: '5', slug: null }, lookup);
    expect(extraction.status).toBe('ok');
  });

  it('reads tag boxes written as links, as hashtags and as a comma list, without a label', () => {
    const tagsOf = (tags: string) => {
      const html = backupPage({ title: 't', category: '', date: '2025-01-01 12:00:00', body: '<p>x</p>', tags });
      const { extraction } = extractBackupPost(html, { htmlPath: '5/5.html', id: '5', slug: null }, lookup);
      return extraction.status === 'ok' ? extraction.meta.tags : null;
    };
    expect(tagsOf('<a href="/tag/C%23" rel="tag">C#</a> <a href="/tag/dotnet">dotnet</a>')).toEqual(['C#', 'dotnet']);
    expect(tagsOf('태그 #C# #닷넷')).toEqual(['C#', '닷넷']);
    expect(tagsOf('Tags: 파이썬, 장고')).toEqual(['파이썬', '장고']);
    expect(tagsOf('')).toEqual([]);
  });
});
