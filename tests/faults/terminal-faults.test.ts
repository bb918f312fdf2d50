// A post whose title carries terminal control sequences (clear screen, bell, window title): everything
// the CLI prints shows them as visible escapes, while the files keep the title exactly as the blog has it.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import type { Manifest } from '../../src/types.js';
import { frontMatterOf } from '../helpers/front-matter.js';
import { reply, serveFaultBlog, type FaultPost } from './fault-blog.js';

const HOSTILE_TITLE = '화면 지우기\x1b[2J 종소리\x07 창 제목\x1b]0;pwned\x07 끝';
const SHOWN_TITLE = '화면 지우기\\x1b[2J 종소리\\x07 창 제목\\x1b]0;pwned\\x07 끝';
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const posts: FaultPost[] = [
  { id: 61, title: HOSTILE_TITLE },
  { id: 62, title: '멀쩡한 글' },
  { id: 63, title: '계속 500', replies: () => [reply.status(500)] },
];

const fault = serveFaultBlog(posts);

async function exportTo(terminal: boolean) {
  const outDir = await mkdtemp(join(tmpdir(), 'te-terminal-'));
  const out: string[] = [];
  const err: string[] = [];
  const stream = (sink: string[]) => ({
    isTTY: terminal,
    columns: 200,
    write: (chunk: string) => (sink.push(chunk), true),
  });
  const code = await runCli([fault.blog.url, '-o', outDir, '-f', 'markdown,jsonl', '--retries', '0', '--rate', '0'], {
    stdout: stream(out),
    stderr: stream(err),
  });
  return { code, outDir, stdout: out.join(''), stderr: err.join('') };
}

describe('a title with ESC[2J, BEL and an OSC sequence', () => {
  it('is printed escaped in the per-post lines and the change list (log output)', async () => {
    const run = await exportTo(false);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).not.toMatch(CONTROL);
    expect(run.stdout).not.toMatch(CONTROL);
    expect(run.stderr).toContain(`ok        61  ${SHOWN_TITLE}\n`);
    expect(run.stdout).toContain(`added   61\t${SHOWN_TITLE}\n`);
  });

  it("on a terminal, leaves the progress bar's erase sequence as the only control sequence", async () => {
    const run = await exportTo(true);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr.replaceAll('\r\x1b[2K', '')).not.toMatch(CONTROL);
    expect(run.stdout).not.toMatch(CONTROL);
    expect(run.stdout).toContain(`added   61\t${SHOWN_TITLE}\n`);
  });

  it('is written into the files exactly as the blog has it', async () => {
    const run = await exportTo(false);
    const manifest = JSON.parse(await readFile(join(run.outDir, 'manifest.json'), 'utf8')) as Manifest;
    const entry = manifest.posts.find((post) => post.id === '61')!;
    expect(entry.title).toBe(HOSTILE_TITLE);
    const markdown = await readFile(join(run.outDir, entry.files.find((file) => file.endsWith('.md'))!), 'utf8');
    expect(frontMatterOf(markdown).title).toBe(HOSTILE_TITLE);
    const record = (await readFile(join(run.outDir, 'posts.jsonl'), 'utf8'))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; title: string })
      .find((line) => line.id === '61');
    expect(record?.title).toBe(HOSTILE_TITLE);
  });
});
