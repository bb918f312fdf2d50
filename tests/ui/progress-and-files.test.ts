import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManifestEntry } from '../../src/types.js';
import { etaMs, idleProgress, progressAfter } from '../../src/ui/progress-state.js';
import { fileInside } from '../../src/ui/serve-file.js';
import { filesToZip } from '../../src/ui/zip-folder.js';

describe('the progress the page shows', () => {
  it('counts found, done and failed posts from the run events, with an ETA at the pace so far', () => {
    const entry = (status: string) => ({ status }) as unknown as ManifestEntry;
    let progress = progressAfter(idleProgress(), { type: 'discovering', source: 'x' }, 0);
    progress = progressAfter(progress, { type: 'discovery-progress', pagesRead: 2, postsFound: 7 }, 0);
    expect(progress).toMatchObject({ phase: 'discovering', found: 7 });
    progress = progressAfter(progress, { type: 'discovered', total: 8, found: 10 }, 0);
    expect(progress).toMatchObject({ phase: 'exporting', found: 10, total: 8, etaMs: null });
    progress = progressAfter(progress, { type: 'post', entry: entry('ok'), done: 1, total: 8 }, 1000);
    progress = progressAfter(progress, { type: 'post', entry: entry('failed'), done: 2, total: 8 }, 2000);
    expect(progress).toMatchObject({ done: 2, total: 8, failed: 1, etaMs: 6000 });
  });

  it('has no ETA before a post is done', () => {
    expect(etaMs(0, 10, 5000)).toBeNull();
    expect(etaMs(5, 10, 5000)).toBe(5000);
    expect(etaMs(10, 10, 5000)).toBe(0);
  });
});

describe("the output folder's files", () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'te-ui-files-'));
    await mkdir(join(folder, 'out', 'posts'), { recursive: true });
    await mkdir(join(folder, 'out', '.tistory-export'));
    await writeFile(join(folder, 'out', 'report.html'), 'r');
    await writeFile(join(folder, 'out', 'posts', 'a.md'), 'a');
    await writeFile(join(folder, 'out', '.tistory-export', 'state.json'), '{}');
    await writeFile(join(folder, 'secret.txt'), 's');
    await symlink(join(folder, 'secret.txt'), join(folder, 'out', 'link.txt'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('are served from inside the folder only: no way out by .. or by a link', async () => {
    const out = join(folder, 'out');
    expect(await fileInside(out, 'posts/a.md')).toBe(join(out, 'posts', 'a.md'));
    expect(await fileInside(out, '../secret.txt')).toBeNull();
    expect(await fileInside(out, 'posts/../../secret.txt')).toBeNull();
    expect(await fileInside(out, '/etc/passwd')).toBeNull();
    expect(await fileInside(out, 'link.txt')).toBeNull();
    expect(await fileInside(out, 'posts')).toBeNull();
  });

  it("go into the zip without the run's own state, nor a link that leads out", async () => {
    expect(await filesToZip(join(folder, 'out'))).toEqual(['posts/a.md', 'report.html']);
  });
});
