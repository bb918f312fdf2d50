import { access, constants, mkdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import pLimit from 'p-limit';
import { discoverPosts } from './discover/index.js';
import { createHttpClient } from './fetch/index.js';
import { UsageError } from './errors.js';
import { defaultSettings, type ExportSettings } from './options.js';
import { exportPost, type PostContext } from './pipeline/export-post.js';
import { parseSource } from './pipeline/source.js';
import { buildManifest, countStatuses, writeManifest } from './state/manifest.js';
import { createTarget, type Target } from './targets/index.js';
import type { DiscoveredPost, Fetcher, Manifest, ManifestEntry, PostStatus } from './types.js';
import { SlugAllocator } from './util/slug.js';

export interface ExportOptions extends Partial<ExportSettings> {
  /** Blog URL (`https://name.tistory.com`, a custom domain) or one post URL. */
  source: string;
  /** Network access to use instead of the built-in polite client (tests, proxies, caches). */
  fetcher?: Fetcher;
  onEvent?: (event: ExportEvent) => void;
  signal?: AbortSignal;
}

export type ExportEvent =
  | { type: 'discovering'; source: string }
  | { type: 'discovered'; total: number }
  | { type: 'post'; entry: ManifestEntry; done: number; total: number }
  | { type: 'duplicate'; id: string; url: string; done: number; total: number }
  | { type: 'retry'; url: string; attempt: number; delayMs: number; reason: string }
  | { type: 'warning'; message: string };

export interface ExportResult {
  outDir: string;
  /** Null on a dry run, which writes nothing. */
  manifestPath: string | null;
  manifest: Manifest;
  counts: Record<PostStatus, number>;
  discovered: DiscoveredPost[];
  elapsedMs: number;
}

/** The whole migration: discover every post, then fetch, extract, convert and write each one. */
export async function exportBlog(options: ExportOptions): Promise<ExportResult> {
  const started = Date.now();
  const settings: ExportSettings = { ...defaultSettings(), ...withoutUndefined(options) };
  const source = parseSource(options.source);
  const emit = options.onEvent ?? (() => {});
  const outDir = resolve(settings.out);
  if (!settings.dryRun) await ensureWritableFolder(outDir);

  const ownClient = options.fetcher
    ? null
    : createHttpClient({
        userAgent: settings.userAgent,
        concurrency: settings.concurrency,
        rate: settings.rate,
        retries: settings.retries,
        timeout: settings.timeout,
        onEvent: (event) => {
          if (event.type === 'retry') emit(event);
          if (event.type === 'host-paused') {
            emit({ type: 'warning', message: `${event.host} asked us to wait ${Math.ceil(event.delayMs / 1000)}s (${event.reason})` });
          }
          if (event.type === 'robots-disallowed') emit({ type: 'warning', message: `robots.txt disallows ${event.url}` });
        },
      });
  const fetcher: Fetcher = options.fetcher ?? ownClient!;

  try {
    emit({ type: 'discovering', source: options.source });
    const discovered = source.postUrl
      ? [{ url: source.postUrl, id: null, lastmod: null, sources: ['argument' as const] }]
      : await discoverPosts(source.blogOrigin, fetcher);
    const selected = settings.limit === null ? discovered : discovered.slice(0, settings.limit);
    emit({ type: 'discovered', total: selected.length });

    const entries = settings.dryRun
      ? []
      : await exportPosts(selected, fetcher, settings, outDir, emit, options.signal);
    const manifest = buildManifest(options.source, entries);
    const manifestPath = settings.dryRun ? null : await writeManifest(outDir, manifest);
    return {
      outDir,
      manifestPath,
      manifest,
      counts: countStatuses(entries),
      discovered: selected,
      elapsedMs: Date.now() - started,
    };
  } finally {
    await ownClient?.close();
  }
}

async function exportPosts(
  posts: DiscoveredPost[],
  fetcher: Fetcher,
  settings: ExportSettings,
  outDir: string,
  emit: (event: ExportEvent) => void,
  signal: AbortSignal | undefined,
): Promise<ManifestEntry[]> {
  const targets: Target[] = settings.formats.map((format) => createTarget(format, outDir));
  const context: PostContext = { fetcher, targets, slugs: new SlugAllocator(), claimedIds: new Set(), signal };
  // The http client already limits requests per host; this only bounds how many posts are in memory.
  const limit = pLimit(Math.max(1, settings.concurrency * 2));
  const entries: ManifestEntry[] = [];
  let done = 0;
  try {
    await Promise.all(
      posts.map((post) =>
        limit(async () => {
          const outcome = await exportPost(post, context);
          done++;
          if (outcome.kind === 'duplicate') {
            emit({ type: 'duplicate', id: outcome.id, url: outcome.url, done, total: posts.length });
            return;
          }
          entries.push(outcome.entry);
          emit({ type: 'post', entry: outcome.entry, done, total: posts.length });
        }),
      ),
    );
    for (const target of targets) await target.finish();
  } catch (error) {
    await Promise.all(targets.map((target) => target.abort()));
    throw error;
  }
  return entries;
}

async function ensureWritableFolder(outDir: string): Promise<void> {
  const existing = await stat(outDir).catch(() => null);
  if (existing && !existing.isDirectory()) throw new UsageError(`output path is not a folder: ${outDir}`);
  try {
    await mkdir(outDir, { recursive: true });
    await access(outDir, constants.W_OK);
  } catch {
    throw new UsageError(`output folder is not writable: ${outDir}`);
  }
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
