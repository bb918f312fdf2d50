// Where each target puts the comments a post carries, under each `--comments` mode: one post written
// by every format into a fresh folder, its files listed whole.

import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commentsJson, commentsMarkdown } from '../../src/comments/render.js';
import type { Comment } from '../../src/comments/types.js';
import type { CommentsMode, Format } from '../../src/names.js';
import { createTarget } from '../../src/targets/index.js';
import type { ConvertedPost, PostMeta } from '../../src/types.js';
import { postOf } from '../targets/post-fixture.js';

const meta: PostMeta = {
  id: '77',
  url: 'https://example.tistory.com/77',
  title: 'Hugo 숏코드 메모',
  published: '2024-05-01T09:00:00+09:00',
  updated: null,
  categories: ['개발'],
  tags: [],
  author: '글쓴이',
  description: null,
  cover: null,
  blogName: '예제 블로그',
};
const COMMENTS: Comment[] = [
  {
    id: '501',
    parentId: null,
    author: { name: '방문자', homepage: 'https://visitor.example.com/' },
    published: '2024-05-02T10:11:12+09:00',
    secret: false,
    text: '{{< figure src="x.png" >}} 는 어떻게 쓰나요?',
    replies: [
      {
        id: '502',
        parentId: '501',
        author: { name: '글쓴이', homepage: null },
        published: null,
        secret: true,
        text: null,
        replies: [],
      },
    ],
  },
];
const BODY = { slug: 'hugo-숏코드-메모', markdown: '본문입니다.', html: '<p>본문입니다.</p>' };
const withComments = (comments: Comment[] | null): ConvertedPost => ({ ...postOf(meta, BODY), comments });

async function writeOne(format: Format, post: ConvertedPost, comments: CommentsMode | undefined, bundle = false) {
  const out = await mkdtemp(join(tmpdir(), `te-comment-${format}-`));
  const target = createTarget(format, {
    outDir: out,
    assetLayout: bundle ? 'bundle' : 'shared',
    ...(comments ? { comments } : {}),
  });
  const files = await target.writePost(post);
  await target.finish();
  const written = (await readdir(out, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(out.length + 1));
  return { files, written, read: (file: string) => readFile(join(out, file), 'utf8') };
}

const COMMENT_FILES: Record<string, string> = {
  markdown: 'markdown/hugo-숏코드-메모.comments.json',
  hugo: 'hugo/content/posts/hugo-숏코드-메모/comments.json',
  jekyll: 'jekyll/_comments/2024-05-01-hugo-숏코드-메모.json',
  hexo: 'hexo/source/_posts/hugo-숏코드-메모/comments.json',
  astro: 'astro/src/content/blog/hugo-숏코드-메모.comments.json',
  obsidian: 'obsidian/hugo-숏코드-메모.comments.json',
};

describe('--comments json', () => {
  for (const [format, file] of Object.entries(COMMENT_FILES)) {
    it(`${format}: writes ${file} beside the post and names it among the post's files`, async () => {
      const run = await writeOne(format as Format, withComments(COMMENTS), 'json');
      expect(run.files[1]).toBe(file);
      expect(run.written).toContain(file);
      expect(await run.read(file)).toBe(commentsJson({ id: '77', url: meta.url }, COMMENTS));
      expect(await run.read(run.files[0]!)).not.toContain('## 댓글');
    });
  }

  it('markdown with --asset-layout bundle: comments.json inside the post folder', async () => {
    const run = await writeOne('markdown', withComments(COMMENTS), 'json', true);
    expect(run.files).toEqual(['markdown/hugo-숏코드-메모/index.md', 'markdown/hugo-숏코드-메모/comments.json']);
  });

  it('writes a comments.json with none for a post that has none, and nothing for one whose comments were not fetched', async () => {
    const none = await writeOne('markdown', withComments([]), 'json');
    expect(JSON.parse(await none.read(COMMENT_FILES['markdown']!))).toEqual({
      post: { id: '77', url: meta.url },
      count: 0,
      comments: [],
    });
    const notFetched = await writeOne('markdown', withComments(null), 'json');
    expect(notFetched.files).toEqual(['markdown/hugo-숏코드-메모.md']);
  });
});

describe('--comments section', () => {
  it('appends the section to the post, and Hugo does not run a shortcode a commenter typed', async () => {
    const markdown = await writeOne('markdown', withComments(COMMENTS), 'section');
    expect(markdown.files).toEqual(['markdown/hugo-숏코드-메모.md']);
    expect(await markdown.read(markdown.files[0]!)).toMatch(
      new RegExp(`\\n본문입니다\\.\\n\\n${escapeRegExp(commentsMarkdown(COMMENTS))}$`),
    );
    const hugo = await writeOne('hugo', withComments(COMMENTS), 'section');
    const page = await hugo.read('hugo/content/posts/hugo-숏코드-메모/index.md');
    expect(page).toContain('{{</* figure src="x.png" */>}}');
    expect(page).toContain('*비밀 댓글입니다.*');
    expect(hugo.written.filter((file) => file.includes('comments'))).toEqual([]);
  });
});

describe('without --comments (or with off)', () => {
  for (const mode of [undefined, 'off'] as const) {
    it(`${mode ?? 'absent'}: writes the comments a post carries nowhere`, async () => {
      for (const format of ['markdown', 'hugo', 'jsonl', 'wxr'] as const) {
        const run = await writeOne(format, withComments(COMMENTS), mode);
        for (const file of run.written) {
          const text = await run.read(file);
          expect(text, file).not.toContain('방문자');
        }
      }
    });
  }
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
