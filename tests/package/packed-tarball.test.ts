// Issue 15: the tarball a user installs holds the tool and nothing else, installs on Node 20 without
// engine warnings, and its bin exports the fixture blog as the source tree does — all without the internet.

import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { FILE_FORMATS } from '../formats/export-all-formats.js';
import { captureIo } from '../helpers/capture-io.js';
import { exportSnapshot } from '../helpers/export-process.js';
import { serveFixtureBlogAndCdn } from '../helpers/fixture-servers.js';
import { compareWithGolden, listFiles } from '../helpers/golden.js';
import {
  installOffline,
  packRepository,
  REPOSITORY,
  runCommand,
  type CommandResult,
  type PackedTarball,
} from './packed-package.js';

const SETUP_TIMEOUT = 120_000;
/** The options the golden export was made with. */
const GOLDEN_RUN = ['-f', 'markdown,jsonl', '--rate', '0', '--concurrency', '4'];

describe('the packed tarball, installed into an empty folder', () => {
  const served = serveFixtureBlogAndCdn();
  let work: string;
  let tarball: PackedTarball;
  let install: CommandResult;
  let bin: string;
  /** Every response of a run of the source tree over the fixture blog and its CDN (`--cache`). */
  let responses: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'te-package-'));
    tarball = await packRepository(work);
    await mkdir(join(work, 'app'));
    install = await installOffline(tarball, join(work, 'app'));
    bin = join(work, 'app', 'node_modules', '.bin', 'tistory-export');
    // The pages name the real CDN hosts, which only the library's hostMap sends to the local CDN; the
    // bin has no such flag. So the source tree fetches everything once into a cache, and the installed
    // bin replays it with --offline: the same bytes, and not one request can leave this machine.
    responses = join(work, 'responses');
    const { io, err } = captureIo();
    const code = await runCli(
      [served.blog.url, '-o', join(work, 'source-run'), ...GOLDEN_RUN, '--cache', responses],
      io,
      {
        hostMap: served.cdn.hostMap,
      },
    );
    if (code !== 0) throw new Error(`the source tree's run failed:\n${err.join('')}`);
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('holds the compiled modules with their declarations, the licence, the README and package.json, and nothing else', async () => {
    const sources = (await listFiles(join(REPOSITORY, 'src'))).filter(
      (file) => file.endsWith('.ts') && !file.endsWith('.d.ts'),
    );
    const compiled = sources.flatMap((file) => [
      `dist/${file.replace(/\.ts$/, '.js')}`,
      `dist/${file.replace(/\.ts$/, '.d.ts')}`,
    ]);
    expect(tarball.files).toEqual([...compiled, 'LICENSE', 'README.md', 'package.json'].sort());
  });

  it('installs without an engine warning', () => {
    expect(`${install.stdout}${install.stderr}`).not.toMatch(/EBADENGINE|Unsupported engine/);
  });

  it('answers --version with the version in its package.json', async () => {
    const { version } = JSON.parse(await readFile(join(REPOSITORY, 'package.json'), 'utf8')) as { version: string };
    const result = await runCommand(bin, ['--version'], work);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });

  it('exports the fixture blog exactly as the golden export, with its worker thread', async () => {
    const out = join(work, 'installed-run');
    const result = await runCommand(
      bin,
      [served.blog.url, '-o', out, ...GOLDEN_RUN, '--offline', '--cache', responses, '--workers', '1'],
      work,
    );
    expect(result.code, result.stderr).toBe(0);
    await compareWithGolden(out, 'fixture-blog', served.blog.url);
  });

  it('writes every format exactly as the source tree does', async () => {
    const everyFormat = ['-f', FILE_FORMATS.join(','), '--offline', '--cache', responses];
    const installedOut = join(work, 'installed-formats');
    const installed = await runCommand(bin, [served.blog.url, '-o', installedOut, ...everyFormat], work);
    expect(installed.code, installed.stderr).toBe(0);
    const sourceOut = join(work, 'source-formats');
    const { io, err } = captureIo();
    expect(await runCli([served.blog.url, '-o', sourceOut, ...everyFormat], io), err.join('')).toBe(0);
    expect(await exportSnapshot(installedOut)).toEqual(await exportSnapshot(sourceOut));
  });

  it('reads the live fixture blog over HTTP: --dry-run lists every post the export found', async () => {
    const golden = JSON.parse(
      await readFile(join(REPOSITORY, 'tests', 'golden', 'fixture-blog', 'manifest.json'), 'utf8'),
    ) as {
      posts: { url: string }[];
    };
    const result = await runCommand(
      bin,
      [served.blog.url, '-o', join(work, 'dry-run'), '--dry-run', '--rate', '0'],
      work,
    );
    expect(result.code, result.stderr).toBe(0);
    for (const post of golden.posts)
      expect(result.stdout).toContain(post.url.replace('http://blog.test', served.blog.url));
  });
});
