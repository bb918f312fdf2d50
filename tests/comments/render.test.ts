import MarkdownIt from 'markdown-it';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { commentsField, commentsJson, commentsMarkdown, commentsWxr } from '../../src/comments/render.js';
import type { Comment } from '../../src/comments/types.js';

function comment(id: string, fields: Partial<Comment> = {}): Comment {
  return {
    id,
    parentId: null,
    author: { name: `작성자${id}`, homepage: null },
    published: '2025-06-02T18:01:09+09:00',
    secret: false,
    text: `댓글 ${id}`,
    replies: [],
    ...fields,
  };
}

const THREAD: Comment[] = [
  comment('9001', {
    author: { name: '김개발 [관리자]', homepage: 'https://kimdev.tistory.com/' },
    text: '# 제목 아님\n좋은 글 *감사*합니다\n\n<script>alert(1)</script>',
    replies: [
      comment('9003', { parentId: '9001', text: '1. 목록 아님', replies: [comment('9007', { parentId: '9003' })] }),
    ],
  }),
  comment('9002', {
    secret: true,
    text: null,
    replies: [comment('9004', { parentId: '9002', secret: true, text: null })],
  }),
  comment('9005', { text: 'CDATA 끝 ]]> 그리고 \u0001 제어 문자', published: null }),
];

describe('comment renderers', () => {
  it('comments.json holds the post, the count of all comments and the tree', () => {
    const document = JSON.parse(commentsJson({ id: '77', url: 'https://name.tistory.com/77' }, THREAD));
    expect(document.post).toEqual({ id: '77', url: 'https://name.tistory.com/77' });
    expect(document.count).toBe(6);
    expect(document.comments[0].replies[0].replies[0].id).toBe('9007');
    expect(commentsField(THREAD)).toEqual(document.comments);
  });

  it('the Markdown section nests replies and shows text as text', () => {
    const markdown = commentsMarkdown(THREAD);
    expect(markdown.startsWith('## 댓글\n\n')).toBe(true);
    const html = new MarkdownIt().render(markdown);
    // One list of three comments; replies are lists inside their comment's item.
    expect(html.match(/<ul>/g)).toHaveLength(4);
    expect(html).toMatch(
      /<li>[\s\S]*김개발[\s\S]*<ul>\s*<li>[\s\S]*목록 아님[\s\S]*<ul>\s*<li>[\s\S]*댓글 9007[\s\S]*<\/ul>[\s\S]*<\/ul>[\s\S]*<\/li>\s*<li>/,
    );
    expect(html).toContain('<a href="https://kimdev.tistory.com/">김개발 [관리자]</a>');
    expect(html).toContain('# 제목 아님<br>');
    expect(html).toContain('좋은 글 *감사*합니다');
    expect(html).toContain('1. 목록 아님');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<h1>');
    expect(html).not.toContain('<ol>');
    expect(html.match(/<em>비밀 댓글입니다.<\/em>/g)).toHaveLength(2);
    expect(markdown).toContain('2025-06-02 18:01');
    expect(commentsMarkdown([])).toBe('');
    expect(commentsMarkdown(THREAD, { heading: 'Comments', secretLabel: 'secret' })).toMatch(
      /^## Comments\n[\s\S]*\*secret\*/,
    );
  });

  it('WXR comments parse as XML, with parents, dates and secret comments held back', () => {
    const xml = `<item xmlns:wp="http://wordpress.org/export/1.2/">${commentsWxr(THREAD)}</item>`;
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ parseTagValue: false }).parse(xml) as {
      item: { 'wp:comment': Array<Record<string, unknown>> };
    };
    const rows = parsed.item['wp:comment'].map((row) => ({
      id: row['wp:comment_id'],
      parent: row['wp:comment_parent'],
      approved: row['wp:comment_approved'],
      content: row['wp:comment_content'],
    }));
    expect(rows).toEqual([
      {
        id: '9001',
        parent: '0',
        approved: '1',
        content: '# 제목 아님\n좋은 글 *감사*합니다\n\n<script>alert(1)</script>',
      },
      { id: '9003', parent: '9001', approved: '1', content: '1. 목록 아님' },
      { id: '9007', parent: '9003', approved: '1', content: '댓글 9007' },
      { id: '9002', parent: '0', approved: '0', content: '' },
      { id: '9004', parent: '9002', approved: '0', content: '' },
      { id: '9005', parent: '0', approved: '1', content: 'CDATA 끝 ]]> 그리고  제어 문자' },
    ]);
    const first = parsed.item['wp:comment'][0]!;
    expect(first['wp:comment_date']).toBe('2025-06-02 18:01:09');
    expect(first['wp:comment_date_gmt']).toBe('2025-06-02 09:01:09');
    expect(first['wp:comment_author']).toBe('김개발 [관리자]');
    expect(first['wp:comment_author_url']).toBe('https://kimdev.tistory.com/');
    expect(xml.match(/tistory_secret/g)).toHaveLength(2);
  });

  it('WXR numbers non-numeric ids in order and keeps the parent links', () => {
    const xml = commentsWxr([comment('a', { replies: [comment('b', { parentId: 'a' })] })]);
    expect(xml).toContain('<wp:comment_id>1</wp:comment_id>');
    expect(xml).toContain('<wp:comment_id>2</wp:comment_id>');
    expect(xml).toMatch(/<wp:comment_id>2<\/wp:comment_id>[\s\S]*<wp:comment_parent>1<\/wp:comment_parent>/);
  });
});
