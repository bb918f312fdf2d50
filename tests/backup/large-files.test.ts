// A post holding twelve photos of 190 MB once peaked at 4.8 GB: each file of the backup was read whole
// into memory, all of them at once, before being written out. The compiled CLI runs here on a backup
// holding a few large images, as a user runs it, and its peak resident memory is read back from the
// kernel's own count (getrusage), which no sampling interval can miss.

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import type { Manifest } from '../../src/types.js';
import { backupPage, tempFolder } from './backup-fixture.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MB = 1024 * 1024;
const IMAGE_BYTES = 60 * MB;
const IMAGES = 4;
/**
 * Node, the parsers and the export's own state peak near 130 MB here, however large the images; held in
 * memory as they used to be, these four took the run to 580 MB.
 */
const PEAK_RSS_LIMIT_MB = 300;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG-headed image of `bytes` bytes, mostly zeros, its seed at the start so each file's bytes differ. */
function largeImage(seed: string, bytes: number): Readable {
  const head = Buffer.concat([PNG_SIGNATURE, Buffer.from(`IHDR${seed}`)]);
  const zeros = Buffer.alloc(MB);
  return Readable.from(
    (function* () {
      yield head;
      let left = bytes - head.length;
      while (left > 0) {
        const chunk = zeros.subarray(0, Math.min(left, zeros.length));
        left -= chunk.length;
        yield chunk;
      }
    })(),
  );
}

function imageName(index: number): string {
  return `여행 사진 ${index + 1}.png`;
}

/** Stored, not deflated: the test is about the export's memory, not about how fast zlib inflates zeros. */
async function writeLargeBackup(path: string): Promise<void> {
  const zip = new yazl.ZipFile();
  const mtime = new Date('2025-06-03T00:00:00Z');
  const figures = Array.from(
    { length: IMAGES },
    (_, index) =>
      `<p><figure class="imageblock alignCenter" data-filename="${imageName(index)}"><span data-url="./img/${imageName(index)}"><img src="./img/${imageName(index)}" /></span></figure></p>`,
  );
  const page = backupPage({
    title: '사진이 큰 여행기',
    category: '여행',
    date: '2025-05-01 09:00:00',
    body: `<p data-ke-size="size16">원본 사진 그대로.</p>\n${figures.join('\n')}`,
  });
  zip.addBuffer(Buffer.from(page), 'big-backup/500/500.html', { compress: true, mtime });
  for (let index = 0; index < IMAGES; index++) {
    zip.addReadStream(largeImage(`photo-${index}`, IMAGE_BYTES), `big-backup/500/img/${imageName(index)}`, {
      compress: false,
      mtime,
      size: IMAGE_BYTES,
    });
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(path));
}

async function sha256OfStream(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

interface CliRun {
  code: number | null;
  stderr: string;
  peakRssMb: number;
}

/** The built CLI with a preload that writes the process's peak RSS (getrusage, kilobytes) when it exits. */
async function runCliMeasured(args: readonly string[], folder: string): Promise<CliRun> {
  const probe = join(folder, 'peak-rss.mjs');
  const report = join(folder, 'peak-rss.txt');
  await writeFile(
    probe,
    `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(${JSON.stringify(report)}, String(process.resourceUsage().maxRSS)));\n`,
  );
  const child = spawn(process.execPath, ['--import', probe, join(ROOT, 'dist/cli.js'), ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const peakKb = Number(await readFile(report, 'utf8').catch(() => 'NaN'));
  return { code, stderr, peakRssMb: Math.round(peakKb / 1024) };
}

describe('a backup of large images', () => {
  let folder: string;
  let out: string;
  let run: CliRun;

  beforeAll(async () => {
    folder = await tempFolder();
    const zipPath = join(folder, 'big-backup.zip');
    await writeLargeBackup(zipPath);
    out = join(folder, 'out');
    run = await runCliMeasured([zipPath, '-o', out, '-f', 'markdown'], folder);
  }, 120_000);

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('is exported with memory far below the images it holds', () => {
    expect(run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(run.code).toBe(0);
    expect(run.peakRssMb).toBeGreaterThan(0);
    expect(run.peakRssMb, `peak RSS for ${IMAGES} × ${IMAGE_BYTES / MB} MB of images`).toBeLessThan(PEAK_RSS_LIMIT_MB);
  });

  it('writes every image whole, byte for byte, under the name it had before streaming', async () => {
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
    const assets = manifest.posts[0]!.assets ?? [];
    expect(assets).toHaveLength(IMAGES);
    for (const [index, asset] of assets.entries()) {
      const expected = await sha256OfStream(largeImage(`photo-${index}`, IMAGE_BYTES));
      expect(asset.sha256).toBe(expected);
      expect(asset.file).toBe(`assets/여행-사진-${index + 1}-${expected.slice(0, 8)}.png`);
      expect((await stat(join(out, asset.file!))).size).toBe(IMAGE_BYTES);
      expect(await sha256OfStream(createReadStream(join(out, asset.file!)))).toBe(expected);
    }
    expect((await readdir(join(out, 'assets'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
