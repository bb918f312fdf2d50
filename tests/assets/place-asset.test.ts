import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeAsset } from '../../src/assets/place-asset.js';

describe('placing a stored file elsewhere in the output', () => {
  it('leaves no temp file when two posts place the same file at once', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'te-place-'));
    await mkdir(join(outDir, 'assets'));
    await writeFile(join(outDir, 'assets', 'csv-preview-24f90ffe.png'), 'png bytes');
    for (let round = 0; round < 20; round += 1) {
      const destination = `astro/public/tistory/${round}/csv-preview-24f90ffe.png`;
      await Promise.all([1, 2, 3].map(() => placeAsset(outDir, 'assets/csv-preview-24f90ffe.png', destination)));
      expect(await readdir(join(outDir, 'astro/public/tistory', String(round)))).toEqual(['csv-preview-24f90ffe.png']);
      expect(await readFile(join(outDir, destination), 'utf8')).toBe('png bytes');
    }
  });
});
