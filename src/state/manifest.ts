import { join } from 'node:path';
import type { Manifest, ManifestEntry, PostStatus } from '../types.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { writeFileAtomic } from '../util/atomic-write.js';

export const MANIFEST_FILE = 'manifest.json';
export const POST_STATUSES: readonly PostStatus[] = ['ok', 'protected', 'private', 'missing', 'failed'];

/** Numeric ids in numeric order; anything else after them, alphabetically. */
export function compareIds(a: string, b: string): number {
  const numericA = /^\d+$/.test(a);
  const numericB = /^\d+$/.test(b);
  if (numericA && numericB) return Number(a) - Number(b) || a.localeCompare(b);
  if (numericA !== numericB) return numericA ? -1 : 1;
  return a.localeCompare(b);
}

export function buildManifest(source: string, entries: Iterable<ManifestEntry>, generatedAt = new Date()): Manifest {
  return {
    source,
    generatedAt: generatedAt.toISOString(),
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    posts: [...entries].sort((a, b) => compareIds(a.id, b.id) || a.url.localeCompare(b.url)),
  };
}

export function countStatuses(entries: Iterable<ManifestEntry>): Record<PostStatus, number> {
  const counts = Object.fromEntries(POST_STATUSES.map((status) => [status, 0])) as Record<PostStatus, number>;
  for (const entry of entries) counts[entry.status]++;
  return counts;
}

export async function writeManifest(outDir: string, manifest: Manifest): Promise<string> {
  const path = join(outDir, MANIFEST_FILE);
  await writeFileAtomic(path, `${JSON.stringify(manifest, null, 2)}\n`);
  return path;
}
