import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { compareIds } from '../../src/names.js';
import { STATE_FOLDER } from '../../src/state/post-state.js';

const GOLDEN_ROOT = fileURLToPath(new URL('../golden', import.meta.url));
const STABLE_ORIGIN = 'http://blog.test';

export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

/** Output files compared as text (normalised); anything else (images, attachments) byte for byte. */
const TEXT_FILE = /(?:\.(?:md|json|jsonl|csv|conf|txt|html|xml|ya?ml)|(?:^|\/)_redirects)$/;

async function readOutput(dir: string, file: string, origin: string): Promise<string | Buffer> {
  const bytes = await readFile(join(dir, file));
  return TEXT_FILE.test(file) ? normalise(file, bytes.toString('utf8'), origin) : bytes;
}

/** Takes out what differs between runs: the test server's port, the run time, the order posts finished in. */
function normalise(file: string, text: string, origin: string): string {
  let stable = text.replaceAll(origin, STABLE_ORIGIN);
  if (file === 'manifest.json') stable = stable.replace(/"generatedAt": "[^"]+"/, '"generatedAt": "<time>"');
  if (file === 'report.html') stable = stable.replace(/<time>[^<]+<\/time>/, '<time>&lt;time&gt;</time>');
  if (file.endsWith('.jsonl')) {
    const lines = stable.trimEnd().split('\n');
    lines.sort((a, b) => compareIds(JSON.parse(a).id, JSON.parse(b).id));
    stable = `${lines.join('\n')}\n`;
  }
  return stable;
}

/**
 * Compares a whole output folder with `tests/golden/<name>`. `UPDATE_GOLDEN=1` rewrites the golden copy,
 * which then has to be read and committed like code.
 */
export async function compareWithGolden(outDir: string, name: string, origin: string): Promise<void> {
  const goldenDir = join(GOLDEN_ROOT, name);
  // The folder's run state (what a re-run resumes from) is the tool's bookkeeping, not the export.
  const files = (await listFiles(outDir)).filter((file) => !file.startsWith(`${STATE_FOLDER}/`));
  if (process.env.UPDATE_GOLDEN) {
    await rm(goldenDir, { recursive: true, force: true });
    for (const file of files) {
      await mkdir(dirname(join(goldenDir, file)), { recursive: true });
      await writeFile(join(goldenDir, file), await readOutput(outDir, file, origin));
    }
  }
  expect(files).toEqual(await listFiles(goldenDir));
  for (const file of files) {
    const actual = await readOutput(outDir, file, origin);
    const expected = TEXT_FILE.test(file)
      ? await readFile(join(goldenDir, file), 'utf8')
      : await readFile(join(goldenDir, file));
    expect(actual, file).toEqual(expected);
  }
}
