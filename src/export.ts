import { access, constants, mkdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import pLimit from 'p-limit';
import { discoverPosts } from './discover/index.js';
import { AssetStore } from './assets/asset-store.js';
import { createHttpClient, type HttpClient, type HttpClientEvent } from './fetch/index.js';
import { UsageError } from './errors.js';
import { defaultSettings, type ExportSettings } from './options.js';
import { exportPost, type PostContext } from './pipeline/export-post.js';
import { parseSource } from './pipeline/source.js';
import { PendingLinks } from './pipeline/pending-links.js';
import { convertedPost } from './pipeline/post-body.js';
import { PostRegistry } from './pipeline/post-registry.js';
import { buildManifest, countStatuses, readKnownAssets, writeManifest } from './state/manifest.js';
import { createTarget, type Target } from './targets/index.js';
import { newPathFor, writeRedirects } from './targets/redirects.js';
import type { DiscoveredPost, Fetcher, Manifest, ManifestEntry, PostStatus } from './types.js';
import { SlugAllocator } from './util/slug.js';

export interface ExportOptions extends Partial<ExportSettings> {
  /** Blog URL (`https://name.tistory.com`, a custom domain) or one post URL. */
  source: string;
  /** Network access to use instead of the built-in polite client (tests, proxies, caches). */
  fetcher?: Fetcher;
  /** Network access for images and attachments; defaults to `fetcher` when that is given. */
  assetFetcher?: Fetcher;
  /**
   * Tests and the demo only: host name → base URL that answers for it (see `HttpClientOptions.hostMap`),
   * so a local server can play Tistory's CDN while pages keep their real image URLs.
   */
  hostMap?: Readonly<Record<string, string>>;
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

/** Attachments (uploaded videos among them) are larger than pages; bodies are held whole in memory. */
const MAX_ASSET_BYTES = 200 * 1024 * 1024;

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

  const clientEvents = (event: HttpClientEvent) => {
    if (event.type === 'retry') emit(event);
    if (event.type === 'host-paused') {
      emit({ type: 'warning', message: `${event.host} asked us to wait ${Math.ceil(event.delayMs / 1000)}s (${event.reason})` });
    }
    if (event.type === 'robots-disallowed') emit({ type: 'warning', message: `robots.txt disallows ${event.url}` });
  };
  const common = { userAgent: settings.userAgent, retries: settings.retries, timeout: settings.timeout, onEvent: clientEvents };
  const ownClient = options.fetcher
    ? null
    : createHttpClient({ ...common, concurrency: settings.concurrency, rate: settings.rate, hostMap: options.hostMap });
  const fetcher: Fetcher = options.fetcher ?? ownClient!;
  // Image hosts are CDNs, not the blog: their own limits, and robots.txt of a CDN does not apply.
  const ownAssetClient: HttpClient | null =
    options.assetFetcher || options.fetcher || settings.images !== 'download' || settings.dryRun
      ? null
      : createHttpClient({
          ...common,
          concurrency: settings.assetConcurrency,
          rate: settings.assetRate,
          respectRobots: false,
          maxBodyBytes: MAX_ASSET_BYTES,
          hostMap: options.hostMap,
        });
  const assetFetcher: Fetcher = options.assetFetcher ?? ownAssetClient ?? fetcher;

  try {
    emit({ type: 'discovering', source: options.source });
    const discovered = source.postUrl
      ? [{ url: source.postUrl, id: null, lastmod: null, sources: ['argument' as const] }]
      : await discoverPosts(source.blogOrigin, fetcher);
    const selected = settings.limit === null ? discovered : discovered.slice(0, settings.limit);
    emit({ type: 'discovered', total: selected.length });

    const entries = settings.dryRun
      ? []
      : await exportPosts(selected, { fetcher, assetFetcher, blogOrigin: source.blogOrigin }, settings, outDir, emit, options.signal);
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
    await Promise.all([ownClient?.close(), ownAssetClient?.close()]);
  }
}

interface Network {
  fetcher: Fetcher;
  assetFetcher: Fetcher;
  blogOrigin: string;
}

async function exportPosts(
  posts: DiscoveredPost[],
  network: Network,
  settings: ExportSettings,
  outDir: string,
  emit: (event: ExportEvent) => void,
  signal: AbortSignal | undefined,
): Promise<ManifestEntry[]> {
  const targets: Target[] = settings.formats.map((format) => createTarget(format, { outDir, assetLayout: settings.assetLayout }));
  const registry = new PostRegistry(network.blogOrigin);
  const pending = new PendingLinks(outDir);
  await pending.reset();
  const context: PostContext = {
    fetcher: network.fetcher,
    targets,
    slugs: new SlugAllocator(),
    claimedIds: new Set(),
    registry,
    images: settings.images,
    assets:
      settings.images === 'download'
        ? new AssetStore(outDir, network.assetFetcher, await readKnownAssets(outDir), signal)
        : null,
    pending,
    onWarning: (message) => emit({ type: 'warning', message }),
    signal,
  };
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
    await fixPendingLinks(pending, registry, targets);
    const redirects = registry.all().flatMap((post) =>
      post.oldUrls.map((oldUrl) => ({ oldUrl, newPath: newPathFor(settings.redirectTo, post) })),
    );
    await writeRedirects(outDir, redirects);
    for (const target of targets) await target.finish();
  } catch (error) {
    await Promise.all(targets.map((target) => target.abort()));
    throw error;
  } finally {
    await pending.reset();
  }
  return entries;
}

/**
 * Now that every post is known, writes again the posts whose links pointed at posts exported after them
 * (links to posts that were never exported keep their Tistory URL, as written the first time).
 */
async function fixPendingLinks(pending: PendingLinks, registry: PostRegistry, targets: readonly Target[]): Promise<void> {
  const lookup = (key: string) => registry.lookup(key);
  for await (const record of pending.records()) {
    if (!record.links.some((link) => lookup(link.key) !== null)) continue;
    const post = convertedPost(record, lookup);
    for (const target of targets) await target.rewritePost?.(post);
  }
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
