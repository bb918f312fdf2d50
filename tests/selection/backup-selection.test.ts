// `--category` with Tistory's backup as the source: the backup has no lists, so every post is read (from
// the zip, no network) and the category its page states decides.

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { exportBlog } from '../../src/export.js';
import type { ExportEvent } from '../../src/types.js';
import { backupFiles, tempFolder, writeZip } from '../backup/backup-fixture.js';

it("exports the backup's posts of the category and its subcategories, and says the others are left out as read", async () => {
  const zip = await writeZip(await tempFolder(), 'backup.zip', backupFiles());
  const events: ExportEvent[] = [];
  const result = await exportBlog({
    source: zip,
    out: await mkdtemp(join(tmpdir(), 'te-select-backup-')),
    blogUrl: 'https://myblog.tistory.com',
    categories: ['개발'],
    onEvent: (event) => events.push(event),
  });
  // 101 is in 개발/Python, 205 in 개발/C++/기초; 42 (일상/여행) and 317 (no category) are not.
  expect(result.manifest.posts.map((post) => post.id).sort()).toEqual(['101', '205']);
  expect(events.filter((event) => event.type === 'selection')).toEqual([
    { type: 'selection', description: 'category 개발 (and its subcategories)', listed: null },
  ]);
  expect(events.flatMap((event) => (event.type === 'outside' ? [event.id] : [])).sort()).toEqual(['317', '42']);
});

it('refuses --since and --until with a backup, whose posts have no sitemap date to compare', async () => {
  const zip = await writeZip(await tempFolder(), 'backup.zip', backupFiles());
  const out = await mkdtemp(join(tmpdir(), 'te-select-backup-dates-'));
  await expect(exportBlog({ source: zip, out, until: '2024-12-31' })).rejects.toThrow(
    '--since and --until need a blog URL: they compare the dates of its sitemap and feed, which a backup does not have',
  );
});
