// A nightly backup kept in git commits only when the blog changed: a second run that finds nothing new
// must leave every file of the folder byte for byte as it was, its state included, but for the files
// that by design describe the last run (changes.json, the run record, the run lock). A run that does
// change something moves the manifest's time, and the report's with it.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { RUN_BOOKKEEPING } from '../../src/state/run-bookkeeping.js';
import type { Manifest } from '../../src/types.js';
import { captureIo } from '../helpers/capture-io.js';
import { serveFixtureBlogAndCdn } from '../helpers/fixture-servers.js';
import { listFiles } from '../helpers/golden.js';

const fixture = serveFixtureBlogAndCdn();
const CHANGED_ID = '22';

async function exportTo(outDir: string, source = fixture.blog.url): Promise<void> {
  const { err, io } = captureIo();
  const code = await runCli([source, '-o', outDir, '-f', 'markdown,jsonl,hugo,wxr', '--comments', '--rate', '0'], io, {
    hostMap: fixture.cdn.hostMap,
  });
  expect(code, err.join('')).toBe(0);
}

/** Every file of the folder as bytes, the run bookkeeping aside. */
async function folderBytes(outDir: string): Promise<Map<string, Buffer>> {
  const files = (await listFiles(outDir)).filter((file) => !RUN_BOOKKEEPING.includes(file));
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(join(outDir, file))] as const)));
}

async function manifestTime(outDir: string): Promise<string> {
  return (JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')) as Manifest).generatedAt;
}

/** Exports into a new folder twice; returns the files that differ after the second run. */
async function changedByRerun(source?: string): Promise<{ outDir: string; changed: string[] }> {
  const outDir = await mkdtemp(join(tmpdir(), 'te-identical-rerun-'));
  await exportTo(outDir, source);
  const first = await folderBytes(outDir);
  expect([...first.keys()]).toEqual(expect.arrayContaining(['manifest.json', 'report.html']));
  expect([...first.keys()].some((file) => file.startsWith('.tistory-export/posts/'))).toBe(true);
  await exportTo(outDir, source);
  const second = await folderBytes(outDir);
  expect([...second.keys()]).toEqual([...first.keys()]);
  const changed = [...second].filter(([file, bytes]) => !bytes.equals(first.get(file)!)).map(([file]) => file);
  return { outDir, changed };
}

describe('a re-run that finds nothing changed', () => {
  it('leaves a post fetched on every run (named on the command line) and its state byte-identical', async () => {
    const { changed } = await changedByRerun(`${fixture.blog.url}/${CHANGED_ID}`);
    expect(changed).toEqual([]);
  }, 60_000);

  it('leaves every file byte-identical but the run bookkeeping; a change moves the manifest’s time', async () => {
    const { outDir, changed } = await changedByRerun();
    expect(changed).toEqual([]);

    const unchangedTime = await manifestTime(outDir);
    const original = fixture.data.posts;
    fixture.data.posts = original.map((post) =>
      post.id === CHANGED_ID
        ? {
            ...post,
            modified: '2025-04-18T09:00:00+09:00',
            body: `${post.body}\n<p data-ke-size="size16">덧붙인 문단</p>`,
          }
        : post,
    );
    try {
      await exportTo(outDir);
    } finally {
      fixture.data.posts = original;
    }
    const changedTime = await manifestTime(outDir);
    expect(Date.parse(changedTime)).toBeGreaterThan(Date.parse(unchangedTime));
    expect(await readFile(join(outDir, 'report.html'), 'utf8')).toContain(`<time>${changedTime}</time>`);
  }, 60_000);
});
