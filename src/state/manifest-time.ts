import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { ChangeReport, Manifest } from '../types.js';
import { MANIFEST_FILE, manifestChunks } from './manifest.js';

/** The manifest's time sits in its first lines (see `writeManifest`), whatever its size. */
const HEAD_BYTES = 64 * 1024;
const TIME_FIELD = /\n {2}"generatedAt": ("[^"]*")/;

/**
 * The manifest's `generatedAt`: the time of the last run that changed the export. A run that found
 * every post, file and comment as the folder held them, and would write the manifest the folder already
 * has but for its time, keeps the time it has, so that the manifest (and the report that shows it) come
 * out byte for byte the same and a backup kept in git makes no commit.
 */
export async function timeOfLastChange(outDir: string, manifest: Manifest, changes: ChangeReport): Promise<string> {
  const wroteSomething = changes.added.length + changes.updated.length + changes.newComments.length > 0;
  if (wroteSomething) return manifest.generatedAt;
  const path = join(outDir, MANIFEST_FILE);
  const previous = await readManifestFile(path).catch(() => null);
  if (previous === null) return manifest.generatedAt;
  const same = (await digestOf(manifestChunks({ ...manifest, generatedAt: previous.time }))) === previous.digest;
  return same ? previous.time : manifest.generatedAt;
}

/**
 * The folder's manifest as a digest and its time, read a piece at a time: a large blog's manifest is
 * hundreds of MB (see `readKnownAssets`). Null when it has no time of its own.
 */
async function readManifestFile(path: string): Promise<{ digest: string; time: string } | null> {
  const hash = createHash('sha256');
  let head = '';
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    if (head.length < HEAD_BYTES) head += (chunk as Buffer).toString('utf8');
  }
  const match = TIME_FIELD.exec(head);
  const time = match ? (JSON.parse(match[1]!) as string) : null;
  return time === null ? null : { digest: hash.digest('hex'), time };
}

async function digestOf(chunks: AsyncIterable<string>): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of chunks) hash.update(chunk);
  return hash.digest('hex');
}
