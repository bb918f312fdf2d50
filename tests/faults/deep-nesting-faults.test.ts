// Post pages whose bodies nest wrappers far deeper than any editor writes: 100 000 divs (a hostile page),
// 4 000 levels of alternating spans and fonts around bold text (old-editor pasting), 20 000 quotes. Each
// used to fail the post with "Maximum call stack size exceeded" somewhere between parsing and writing; every
// one must be exported whole, as Markdown and as HTML, and the run end well.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import type { Manifest } from '../../src/types.js';
import { bodyMarker, serveFaultBlog, type FaultPost } from './fault-blog.js';

function nested(open: string, close: string, depth: number, inner: string): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

const PAIR = ['<span style="font-size: 10pt;"><font face="돋움">', '</font></span>'] as const;
const POSTS: FaultPost[] = [
  { id: 61, title: '십만 겹 상자', extraBody: nested('<div>', '</div>', 100_000, '<p>가장 깊은 곳의 문단</p>') },
  {
    id: 62,
    title: '겹겹이 붙여 넣은 글',
    extraBody: `<p>${nested(...PAIR, 1_000, `보통 ${nested('<span style="font-weight: bold;">', '</span>', 1, nested(...PAIR, 1_000, '굵은 글'))} 보통`)}</p>`,
  },
  {
    id: 63,
    title: '인용 속의 인용',
    extraBody: nested('<blockquote>', '</blockquote>', 20_000, '<p>맨 안쪽 인용</p>'),
  },
];

const fault = serveFaultBlog(POSTS);

interface JsonlPost {
  id: string;
  status: string;
  markdown: string;
  html: string;
}

describe('posts nested far too deep', () => {
  const outDir = mkdtemp(join(tmpdir(), 'te-deep-nesting-'));
  let code: number;
  let stderr: string;
  let manifest: Manifest;
  const markdown: Record<string, string> = {};
  const posts: Record<string, JsonlPost> = {};

  beforeAll(async () => {
    const err: string[] = [];
    const sink = (chunks: string[]) => ({ write: (chunk: string) => (chunks.push(chunk), true) });
    const out = await outDir;
    code = await runCli(
      [fault.blog.url, '-o', out, '-f', 'markdown,jsonl', '--rate', '0', '--retries', '0', '--images', 'none'],
      {
        stdout: sink([]),
        stderr: sink(err),
      },
    );
    stderr = err.join('');
    manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
    for (const post of manifest.posts) {
      const file = post.files.find((path) => path.endsWith('.md'));
      if (file) markdown[post.id] = await readFile(join(out, file), 'utf8');
    }
    for (const line of (await readFile(join(out, 'posts.jsonl'), 'utf8')).split('\n').filter(Boolean)) {
      const post = JSON.parse(line) as JsonlPost;
      posts[post.id] = post;
    }
  }, 60_000);

  it('exports every one of them, and the run ends well', () => {
    expect(code, stderr).toBe(0);
    expect(stderr).not.toContain('Maximum call stack');
    expect(manifest.posts.map((post) => [post.id, post.status]).sort()).toEqual(
      POSTS.map((post) => [String(post.id), 'ok']),
    );
  });

  it('keeps the words of each post, around and inside the nesting, in the Markdown file and the HTML', () => {
    const words: Record<number, string[]> = {
      61: ['가장 깊은 곳의 문단'],
      62: ['보통', '굵은 글'],
      63: ['맨 안쪽 인용'],
    };
    for (const post of POSTS) {
      const id = String(post.id);
      for (const [what, text] of [
        ['markdown', markdown[id]],
        ['html', posts[id]?.html],
      ] as const) {
        expect(text, `${id} ${what}`).toContain(bodyMarker(post.id));
        for (const word of words[post.id]!) expect(text, `${id} ${what}`).toContain(word);
      }
    }
  });

  it('keeps the bold part bold, once', () => {
    expect(markdown['62']).toContain('보통 **굵은 글** 보통');
  });

  it('keeps one level of the repeated wrappers in the HTML, not thousands', () => {
    expect(posts['61']!.html).toContain('<div><p>가장 깊은 곳의 문단</p></div>');
    expect(posts['61']!.html.length).toBeLessThan(50_000);
  });
});
