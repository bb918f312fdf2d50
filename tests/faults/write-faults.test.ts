// The disk refuses writes: full (ENOSPC), or a file the user may not write (EACCES). The fault is
// injected where output bytes meet the disk (`src/util/disk.ts`), so no real full disk or unprivileged
// user is needed. A full disk ends the run at once: no new post is started, what was saved is listed in
// the manifest if it can still be written, and one line names the folder.

import { mkdir, mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { writeChunksAtomic, writeFileAtomic } from '../../src/util/atomic-write.js';
import * as disk from '../../src/util/disk.js';
import type { Manifest } from '../../src/types.js';
import { captureIo } from '../helpers/capture-io.js';
import { startServer, type TestServer } from '../fetch/test-server.js';
import { bodyMarker, startFaultBlog, type FaultBlog, type FaultPost } from './fault-blog.js';

vi.mock('../../src/util/disk.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/util/disk.js')>();
  return { ...real, writeWhole: vi.fn(real.writeWhole), writeStreamed: vi.fn(real.writeStreamed) };
});

const real = await vi.importActual<typeof import('../../src/util/disk.js')>('../../src/util/disk.js');

function systemError(code: string, syscall: string, path: string): NodeJS.ErrnoException {
  const description = code === 'ENOSPC' ? 'no space left on device' : 'permission denied';
  return Object.assign(new Error(`${code}: ${description}, ${syscall} '${path}'`), { code, syscall, path });
}

/**
 * From the first write `fills` accepts on, the disk is full: that write and, while `staysFull` says so,
 * every later one fail with ENOSPC. Returns the paths of the writes that failed.
 */
function fillDiskAt(fills: (path: string) => boolean, staysFull: (path: string) => boolean = () => true): string[] {
  const failed: string[] = [];
  let full = false;
  const refuse = (path: string) => {
    if (!full && fills(path)) full = true;
    if (full && (failed.length === 0 || staysFull(path))) {
      failed.push(path);
      return true;
    }
    return false;
  };
  vi.mocked(disk.writeWhole).mockImplementation(async (path, data) => {
    if (refuse(path)) throw systemError('ENOSPC', 'write', path);
    return real.writeWhole(path, data);
  });
  vi.mocked(disk.writeStreamed).mockImplementation(async (path, chunks) => {
    if (refuse(path)) throw systemError('ENOSPC', 'write', path);
    return real.writeStreamed(path, chunks);
  });
  return failed;
}

/** Room again: every write reaches the disk. */
function freeSpace(): void {
  vi.mocked(disk.writeWhole).mockImplementation(real.writeWhole);
  vi.mocked(disk.writeStreamed).mockImplementation(real.writeStreamed);
}

afterEach(freeSpace);

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String).sort();
}

describe('writeFileAtomic and writeChunksAtomic name the real file when a write fails', () => {
  it('reports EACCES on the temp file as the file it was for, and leaves no temp file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'te-write-'));
    vi.mocked(disk.writeWhole).mockImplementation(async (path) => {
      throw systemError('EACCES', 'open', path);
    });
    const error = await writeFileAtomic(join(dir, '글.md'), '본문').catch(
      (caught: unknown) => caught as NodeJS.ErrnoException,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error!.message).toBe(`cannot write ${join(dir, '글.md')}: permission denied (EACCES)`);
    expect(error!.code).toBe('EACCES');
    expect(error!.path).toBe(join(dir, '글.md'));
    expect(await filesUnder(dir)).toEqual([]);
  });

  it('reports a streamed write the same way', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'te-write-'));
    vi.mocked(disk.writeStreamed).mockImplementation(async (path) => {
      throw systemError('EPERM', 'open', path);
    });
    async function* chunks() {
      yield '{}';
    }
    const error = await writeChunksAtomic(join(dir, 'manifest.json'), chunks()).catch(
      (caught: unknown) => caught as Error,
    );
    expect((error as Error).message).toMatch(new RegExp(`^cannot write ${join(dir, 'manifest.json')}: .*\\(EPERM\\)$`));
    expect((error as Error).message).not.toContain('.tmp');
    expect(await filesUnder(dir)).toEqual([]);
  });

  it('reports a rename onto a folder (a real fault, no injection) as the file it was for', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'te-write-'));
    await mkdir(join(dir, 'a.md', 'inside'), { recursive: true });
    const error = await writeFileAtomic(join(dir, 'a.md'), 'text').catch((caught: unknown) => caught as Error);
    expect((error as Error).message).toBe(
      `cannot write ${join(dir, 'a.md')}: illegal operation on a directory (EISDIR)`,
    );
    expect(await filesUnder(dir)).toEqual(['a.md', join('a.md', 'inside')]);
  });
});

let external: TestServer;
beforeAll(async () => {
  external = await startServer({}, '127.0.0.2');
});
afterAll(() => external.close());

const POSTS: FaultPost[] = Array.from({ length: 8 }, (_, n) => ({ id: 71 + n, title: `${n + 1}번째 글` }));

async function exportInto(blog: FaultBlog, outDir: string) {
  const capture = captureIo();
  const code = await runCli(
    [blog.url, '-o', outDir, '-f', 'markdown,jsonl', '--concurrency', '1', '--retries', '0', '--rate', '0'],
    capture.io,
  );
  return { code, stdout: capture.out.join(''), stderr: capture.err.join('') };
}

function postPagesRequested(blog: FaultBlog): number {
  return POSTS.filter((post) => blog.attempts(post.id) > 0).length;
}

/** A Markdown file, or the temp file one is written to first. */
function isMarkdown(path: string): boolean {
  return /\.md(\.\d+\.[0-9a-f]{8}\.tmp)?$/.test(path);
}

describe('the disk fills up during the run', () => {
  let blog: FaultBlog;
  beforeAll(async () => {
    blog = await startFaultBlog(POSTS, external.origin);
  });
  afterAll(() => blog.close());

  it('stops starting posts, writes the manifest of what was saved, ends with one line naming the folder, exit 1; the same command then finishes', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'te-full-'));
    let markdownWrites = 0;
    // The third post's file does not fit; the spools the run then drops free enough room for the manifest.
    const failed = fillDiskAt((path) => isMarkdown(path) && ++markdownWrites === 3, isMarkdown);
    const run = await exportInto(blog, outDir);

    expect(run.code).toBe(1);
    expect(failed.length).toBeGreaterThan(0);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(
      new RegExp(
        `^tistory-export: disk full: ${outDir}: stopped with \\d+ posts saved, listed in manifest\\.json; free some space and run the same command again$`,
      ),
    );
    expect(run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(run.stderr).not.toContain('.tmp');
    expect(run.stdout).toMatch(/^Stopped after [\d.]+s: ok \d+ ·/);
    expect(run.stdout).toContain(`Output: ${outDir}\n`);
    // Two posts in flight at most (--concurrency 1 keeps two in memory): none was started after the failure.
    expect(postPagesRequested(blog)).toBeLessThanOrEqual(4);

    const manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')) as Manifest;
    const saved = Number(/(\d+) posts saved/.exec(lines.at(-1)!)?.[1]);
    expect(manifest.posts).toHaveLength(saved);
    expect(saved).toBeGreaterThanOrEqual(2);
    for (const post of manifest.posts) {
      expect(post.status).toBe('ok');
      const markdown = post.files.find(isMarkdown)!;
      expect(await readFile(join(outDir, markdown), 'utf8')).toContain(bodyMarker(Number(post.id)));
    }
    const files = await filesUnder(outDir);
    expect(
      files.filter((file) => file.endsWith('.tmp') || file.includes('.spool')),
      'temp files and spools',
    ).toEqual([]);
    // posts.jsonl is assembled at the end of a run: this run never got there.
    expect(files).not.toContain('posts.jsonl');

    freeSpace();
    const before = POSTS.map((post) => blog.attempts(post.id));
    const again = await exportInto(blog, outDir);
    expect(again.code, again.stderr).toBe(0);
    const finished = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')) as Manifest;
    expect(finished.posts.map((post) => post.id)).toEqual(POSTS.map((post) => String(post.id)));
    // Saved posts are not fetched again.
    const refetched = POSTS.filter(
      (post, index) =>
        blog.attempts(post.id) > before[index]! && manifest.posts.some((saved) => saved.id === String(post.id)),
    );
    expect(refetched).toEqual([]);
    expect((await readFile(join(outDir, 'posts.jsonl'), 'utf8')).trimEnd().split('\n')).toHaveLength(POSTS.length);
  });

  it('says so when the manifest cannot be written either, and leaves the previous one', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'te-full-'));
    await mkdir(join(outDir, 'earlier'));
    // The manifest of an earlier export of this tool: a folder of files that are not one is refused without --force.
    const earlierManifest =
      '{\n  "source": "earlier",\n  "tool": {\n    "name": "tistory-export"\n  },\n  "posts": []\n}\n';
    await writeFile(join(outDir, 'manifest.json'), earlierManifest);
    let markdownWrites = 0;
    fillDiskAt((path) => isMarkdown(path) && ++markdownWrites === 2);
    const run = await exportInto(blog, outDir);

    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toMatch(
      new RegExp(
        `^tistory-export: disk full: ${outDir}: stopped with \\d+ posts? saved, but the manifest could not be written either; free some space and run the same command again$`,
      ),
    );
    expect(run.stderr).not.toMatch(CONTROL);
    expect(await readFile(join(outDir, 'manifest.json'), 'utf8')).toBe(earlierManifest);
    expect((await filesUnder(outDir)).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  it('before any post: one line, exit 1, and a folder the run created is not left behind empty', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'te-full-'));
    const outDir = join(parent, 'new');
    fillDiskAt(() => true);
    const run = await exportInto(blog, outDir);
    expect(run.code).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('tistory-export:'))).toEqual([lines.at(-1)]);
    expect(lines.at(-1)).toBe(
      `tistory-export: disk full: ${outDir}: nothing could be saved; free some space and run the same command again`,
    );
    expect(await stat(outDir).catch(() => null)).toBeNull();
  });
});

describe('a file the run may not write', () => {
  it('fails that post with the real file named, and writes the others', async () => {
    const blog = await startFaultBlog(POSTS.slice(0, 3), external.origin);
    try {
      const outDir = await mkdtemp(join(tmpdir(), 'te-denied-'));
      const refused: string[] = [];
      vi.mocked(disk.writeWhole).mockImplementation(async (path, data) => {
        if (isMarkdown(path) && String(data).includes('2번째 글')) {
          refused.push(path);
          throw systemError('EACCES', 'open', path);
        }
        return real.writeWhole(path, data);
      });
      const run = await exportInto(blog, outDir);
      expect(run.code).toBe(1);
      expect(refused).toHaveLength(1);
      const manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')) as Manifest;
      const denied = manifest.posts.find((post) => post.id === '72')!;
      const realFile = refused[0]!.replace(/\.\d+\.[0-9a-f]{8}\.tmp$/, '');
      expect(denied.status).toBe('failed');
      expect(denied.error).toBe(`cannot write ${realFile}: permission denied (EACCES)`);
      expect(run.stderr).toContain(`cannot write ${realFile}: permission denied (EACCES)`);
      expect(run.stderr + run.stdout).not.toContain('.tmp');
      expect(manifest.posts.filter((post) => post.status === 'ok').map((post) => post.id)).toEqual(['71', '73']);
    } finally {
      await blog.close();
    }
  });
});
