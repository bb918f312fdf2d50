import { type FileHandle, open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { TOOL_NAME } from '../version.js';
import { MANIFEST_FILE } from './manifest.js';
import { STATE_FOLDER } from './post-state.js';

/**
 * What a folder may hold besides an export and still count as free for one: hidden entries (`.git`,
 * `.github`, `.gitignore`, `.gitkeep`, `.DS_Store`, an empty vault's `.obsidian`), the files a new
 * repository starts with (README, LICENSE), and Windows' own hidden files. A backup repository made
 * with `git init`, or on GitHub with a README, takes an export as it is.
 */
const REPOSITORY_FILE = /^(?:readme|licen[cs]e|copying)(?:\.[a-z]+)?$/i;
const SYSTEM_FILES = new Set(['thumbs.db', 'desktop.ini']);
/** Names shown in the refusal: enough to recognise the folder. */
const NAMES_SHOWN = 3;
/** The manifest names its tool in its first lines (see `writeManifest`); a whole one can be hundreds of MB. */
const MANIFEST_HEAD_BYTES = 64 * 1024;

/**
 * Refuses an output folder that holds someone's files and no export of this tool, unless `force`: a
 * mistyped `--out` (`~/Documents`, a Hugo site's root) would otherwise get format folders, assets and a
 * manifest written among them, and files of the same name overwritten. A missing or empty folder is
 * free; so is one holding an earlier export, or only other exports of this tool (`output/demo`). Reads
 * only, for a dry run too.
 */
export async function assertNoForeignFiles(outDir: string, force: boolean): Promise<void> {
  const info = await stat(outDir).catch(() => null);
  if (info === null) return;
  if (!info.isDirectory()) throw new UsageError(`output path is not a folder: ${outDir}`);
  if (force || (await holdsExportOfThisTool(outDir))) return;
  const names = await readdir(outDir).catch(() => [] as string[]);
  const foreign: string[] = [];
  for (const name of names.sort()) {
    if (name.startsWith('.') || REPOSITORY_FILE.test(name) || SYSTEM_FILES.has(name.toLowerCase())) continue;
    if (await holdsExportOfThisTool(join(outDir, name))) continue;
    foreign.push(name);
  }
  if (foreign.length === 0) return;
  const shown = foreign
    .slice(0, NAMES_SHOWN)
    .map((name) => JSON.stringify(name))
    .join(', ');
  const more = foreign.length > NAMES_SHOWN ? ` and ${foreign.length - NAMES_SHOWN} more` : '';
  throw new UsageError(
    `${outDir} holds other files (${shown}${more}) and no earlier export of ${TOOL_NAME}; choose a new or empty folder, or add --force to export among them`,
  );
}

/** The folder holds this tool's state (a finished, killed or interrupted run) or a manifest it wrote. */
async function holdsExportOfThisTool(dir: string): Promise<boolean> {
  const state = await stat(join(dir, STATE_FOLDER)).catch(() => null);
  if (state?.isDirectory()) return true;
  return manifestOfThisTool(join(dir, MANIFEST_FILE));
}

async function manifestOfThisTool(path: string): Promise<boolean> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
  } catch {
    return false;
  }
  try {
    const buffer = Buffer.alloc(MANIFEST_HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, MANIFEST_HEAD_BYTES, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8');
    return new RegExp(`"tool"\\s*:\\s*\\{\\s*"name"\\s*:\\s*${escapeRegExp(JSON.stringify(TOOL_NAME))}`).test(head);
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
