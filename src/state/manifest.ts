import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assetKey } from '../assets/asset-url.js';
import type { KnownAsset } from '../assets/asset-store.js';
import type { Manifest, ManifestAsset, ManifestEntry, PostAsset, PostStatus } from '../types.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { writeChunksAtomic } from '../util/atomic-write.js';
import { compareIds } from '../names.js';

export const MANIFEST_FILE = 'manifest.json';
export const POST_STATUSES: readonly PostStatus[] = ['ok', 'protected', 'missing', 'failed'];

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

/**
 * Written a post at a time: one string of a large blog's whole manifest (every post with every image,
 * two bytes a character once a Hangul title is in it) would be the run's largest allocation at its very
 * end. The bytes are those of `JSON.stringify(manifest, null, 2)`.
 */
export async function writeManifest(outDir: string, manifest: Manifest): Promise<string> {
  const path = join(outDir, MANIFEST_FILE);
  await writeChunksAtomic(path, manifestChunks(manifest));
  return path;
}

export async function* manifestChunks({ posts, ...head }: Manifest): AsyncGenerator<string> {
  const opening = JSON.stringify(head, null, 2);
  yield `${opening.slice(0, -2)},\n  "posts": [`;
  for (const [index, post] of posts.entries()) {
    yield `${index === 0 ? '' : ','}\n    ${JSON.stringify(post, null, 2).replace(/\n/g, '\n    ')}`;
  }
  yield posts.length === 0 ? ']\n}\n' : '\n  ]\n}\n';
}

/** How the manifest records a post's files: where each went, or why it stayed remote. */
export function manifestAssets(assets: readonly PostAsset[]): ManifestAsset[] {
  return assets.map((asset) => {
    const entry: ManifestAsset = { url: asset.url, kind: asset.kind };
    if (asset.file !== null) entry.file = asset.file;
    if (asset.sha256 !== null) entry.sha256 = asset.sha256;
    if (asset.error !== undefined) entry.error = asset.error;
    return entry;
  });
}

/**
 * The files a previous run into this folder stored, by `assetKey` of their URL, so a re-run can keep
 * them instead of downloading them again: from the saved posts (`entries`, every post an earlier run
 * finished, a killed one's included), or, when the folder has none (its `.tistory-export/` was removed),
 * from the manifest of the last finished run. Read only then: a large blog's manifest parsed whole was
 * the biggest allocation of a nightly run (10,000 posts × 20 images: 46 → 368 MB). An unreadable or
 * foreign manifest simply means none.
 */
export async function readKnownAssets(
  outDir: string,
  entries: readonly ManifestEntry[] = [],
): Promise<Map<string, KnownAsset>> {
  const posts = entries.length > 0 ? entries : await readManifestPosts(outDir);
  const known = new Map<string, KnownAsset>();
  for (const post of posts) {
    for (const asset of Array.isArray(post?.assets) ? post.assets : []) {
      if (typeof asset?.url === 'string' && typeof asset.file === 'string' && typeof asset.sha256 === 'string') {
        known.set(assetKey(asset.url), { file: asset.file, sha256: asset.sha256 });
      }
    }
  }
  return known;
}

/** The posts of the folder's last manifest; none when it is missing, unreadable or not ours. */
async function readManifestPosts(outDir: string): Promise<readonly ManifestEntry[]> {
  try {
    const manifest = JSON.parse(await readFile(join(outDir, MANIFEST_FILE), 'utf8')) as Partial<Manifest>;
    return Array.isArray(manifest.posts) ? manifest.posts : [];
  } catch {
    return [];
  }
}
