import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Every file and folder under `dir` with its bytes: what "nothing written" and "untouched" compare. */
export async function folderContents(dir: string): Promise<Record<string, string>> {
  const contents: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    contents[path.slice(dir.length + 1)] = entry.isFile() ? (await readFile(path)).toString('base64') : '<folder>';
  }
  return contents;
}
