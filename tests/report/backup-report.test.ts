// A backup read without the network gets its report too: every post of the backup in the table, and each
// exported post's side-by-side view with its images from the local copies.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import type { Manifest } from '../../src/types.js';
import { backupFiles, tempFolder, writeFolder } from '../backup/backup-fixture.js';
import { captureIo } from '../helpers/capture-io.js';

describe('the report of a backup export', () => {
  it('lists every post of the backup and has a view of each exported one', async () => {
    const source = await writeFolder(await tempFolder(), backupFiles());
    const out = join(await tempFolder(), 'out');
    const { io, err } = captureIo();
    const code = await runCli([source, '-o', out, '--blog-url', 'https://myblog.tistory.com'], io);
    expect(code, err.join('')).toBe(0);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
    const report = await readFile(join(out, 'report.html'), 'utf8');
    expect(manifest.posts.length).toBeGreaterThan(2);
    for (const post of manifest.posts) expect(report).toContain(JSON.stringify(post.id));
    const views = await readdir(join(out, 'report', 'posts'));
    const exported = manifest.posts.filter((post) => post.status === 'ok');
    expect(views.length).toBe(exported.length);
    const withImage = await Promise.all(views.map((view) => readFile(join(out, 'report', 'posts', view), 'utf8')));
    expect(withImage.some((html) => /<img[^>]+src="\.\.\/\.\.\/assets\//.test(html))).toBe(true);
    expect(withImage.join('')).not.toMatch(/<script(?![^>]*report)/i);
  });
});
