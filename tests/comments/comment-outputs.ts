// Everything an export wrote about comments, gathered into a few texts so a test compares them whole
// with tests/comments/golden/<name>/ (`UPDATE_GOLDEN=1` rewrites that copy; read the diff).

import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { STATE_FOLDER } from '../../src/state/post-state.js';
import type { Manifest } from '../../src/types.js';
import { listFiles } from '../helpers/golden.js';
import { compareIds } from '../../src/names.js';

const GOLDEN_ROOT = fileURLToPath(new URL('./golden', import.meta.url));
const STABLE_ORIGIN = 'http://blog.test';
const SECTION_HEADING = '\n## 댓글\n';

/** A file that holds nothing but comments: `<slug>.comments.json`, a bundle's `comments.json`, Jekyll's `_comments/`. */
export function isCommentsFile(file: string): boolean {
  return /(?:^|\/)(?:[^/]+\.)?comments\.json$/.test(file) || /(?:^|\/)_comments\//.test(file);
}

/** Output file name → what it says about comments. */
async function commentOutputs(outDir: string): Promise<Map<string, string>> {
  const files = (await listFiles(outDir)).filter((file) => !file.startsWith(`${STATE_FOLDER}/`));
  const read = (file: string) => readFile(join(outDir, file), 'utf8');
  const outputs = new Map<string, string>();
  for (const file of files) {
    if (isCommentsFile(file)) outputs.set(file, await read(file));
    if (file.endsWith('.md')) {
      const markdown = await read(file);
      const at = markdown.indexOf(SECTION_HEADING);
      if (at >= 0) outputs.set(`${file}.section`, markdown.slice(at + 1));
    }
  }
  if (files.includes('posts.jsonl')) outputs.set('posts.jsonl.comments', jsonlComments(await read('posts.jsonl')));
  if (files.includes('wxr/wordpress.xml'))
    outputs.set('wordpress.xml.comments', wxrComments(await read('wxr/wordpress.xml')));
  outputs.set('manifest.json.comments', manifestComments(JSON.parse(await read('manifest.json')) as Manifest));
  return outputs;
}

/** Each record's `comments` field by post id, `"absent"` where the record has none; in id order. */
function jsonlComments(jsonl: string): string {
  const records = jsonl
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string; comments?: unknown });
  records.sort((a, b) => compareIds(a.id, b.id));
  return `${JSON.stringify(Object.fromEntries(records.map((record) => [record.id, record.comments ?? 'absent'])), null, 2)}\n`;
}

/** The `<wp:comment>` elements of each item that has some, under the item's post id. */
function wxrComments(xml: string): string {
  const items = xml.split('<item>').slice(1);
  return items
    .map((item) => {
      const id = /<wp:post_id>(\d+)<\/wp:post_id>/.exec(item)?.[1] ?? '?';
      const comments = item.match(/<wp:comment>[\s\S]*?<\/wp:comment>/g) ?? [];
      return comments.length === 0 ? '' : `<!-- post ${id} -->\n${comments.join('\n')}\n`;
    })
    .join('');
}

/** Per post: status, the comment files among its files, and its warnings. */
function manifestComments(manifest: Manifest): string {
  const rows = manifest.posts.map((post) => ({
    id: post.id,
    status: post.status,
    commentFiles: post.files.filter(isCommentsFile),
    ...(post.warnings ? { warnings: post.warnings } : {}),
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

export async function compareCommentOutputs(outDir: string, name: string, origin: string): Promise<void> {
  const outputs = new Map(
    [...(await commentOutputs(outDir))].map(([file, text]) => [file, text.replaceAll(origin, STABLE_ORIGIN)]),
  );
  const goldenDir = join(GOLDEN_ROOT, name);
  if (process.env.UPDATE_GOLDEN) {
    await rm(goldenDir, { recursive: true, force: true });
    for (const [file, text] of outputs) {
      await mkdir(dirname(join(goldenDir, file)), { recursive: true });
      await writeFile(join(goldenDir, file), text);
    }
  }
  const goldenFiles = await listFiles(goldenDir).catch(() => [] as string[]);
  expect([...outputs.keys()].sort()).toEqual(goldenFiles);
  for (const [file, text] of outputs) expect(text, file).toBe(await readFile(join(goldenDir, file), 'utf8'));
}

/** The `.md` files of a folder, by path. */
export async function markdownFiles(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true });
  const files = entries.filter((file) => file.endsWith('.md') && !file.startsWith(STATE_FOLDER)).sort();
  return new Map(
    await Promise.all(files.map(async (file) => [file, await readFile(join(dir, file), 'utf8')] as const)),
  );
}

export { SECTION_HEADING };
