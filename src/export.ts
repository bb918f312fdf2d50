import { access, constants, mkdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { discoverPosts } from './discover/index.js';
import { PageCache } from './cache/page-cache.js';
import { cachingFetcher, offlineFetcher } from './cache/cache-fetcher.js';
import { createHttpClient, type HttpClient, type HttpClientEvent } from './fetch/index.js';
import { UsageError } from './errors.js';
import { defaultSettings, type ExportSettings } from './options.js';
import { ExportInterrupted } from './pipeline/interrupted.js';
import { exportPosts } from './pipeline/run-posts.js';
import { parseSource } from './pipeline/source.js';
import { buildChanges, writeChanges, type ChangeReport } from './state/changes.js';
import { removeLeftoverTempFiles } from './state/leftover-temp-files.js';
import { buildManifest, countStatuses, writeManifest } from './state/manifest.js';
import { planRun } from './state/plan.js';
import { manifestEntryOf, StateStore } from './state/post-state.js';
import { assertSameBlog, beginRun, finishRun } from './state/run-state.js';
import type { DiscoveredPost, FetchOptions, Fetcher, Manifest, ManifestEntry, PostStatus } from './types.js';
import { TOOL_VERSION } from './version.js';

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
  /**
   * Stops the run: posts in flight finish their writes, every finished post is already saved, and
   * `exportBlog` rejects with `ExportInterrupted`; the same call into the same folder then resumes.
   */
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
  /** The posts this run fetched (on a dry run: would fetch); posts the folder already holds are not among them. */
  discovered: DiscoveredPost[];
  /** What the run added, updated and left unchanged (also in `<out>/changes.json`); null on a dry run. */
  changes: ChangeReport | null;
  elapsedMs: number;
}

/**
 * The whole migration: discover every post, then fetch, extract, convert and write each one. Into a
 * folder that holds an earlier export (or the state of a killed run), only new and changed posts are
 * fetched; the others come from the folder's state, and nothing is removed.
 */
export async function exportBlog(options: ExportOptions): Promise<ExportResult> {
  const started = Date.now();
  const settings: ExportSettings = { ...defaultSettings(), ...withoutUndefined(options) };
  const source = parseSource(options.source);
  if (settings.offline && settings.cache === null) throw new UsageError('--offline needs --cache <dir>: the folder a run with --cache filled');
  const emit = options.onEvent ?? (() => {});
  const outDir = resolve(settings.out);
  if (!settings.dryRun) {
    await ensureWritableFolder(outDir);
    // Before any request: a folder holding another blog's export is refused, not mixed.
    await assertSameBlog(outDir, source.blogOrigin);
  }
  const signal = options.signal;
  const network = createNetwork(options, settings, emit);

  try {
    emit({ type: 'discovering', source: options.source });
    const discoveryFetcher = withSignal(network.fetcher, signal);
    const discovered = source.postUrl
      ? [{ url: source.postUrl, id: null, lastmod: null, sources: ['argument' as const] }]
      : await discoverPosts(source.blogOrigin, discoveryFetcher).catch((error: unknown) => {
          throw signal?.aborted ? new ExportInterrupted(outDir, 0, 0) : error;
        });
    if (signal?.aborted) throw new ExportInterrupted(outDir, 0, 0);
    const selected = settings.limit === null ? discovered : discovered.slice(0, settings.limit);
    const store = new StateStore(outDir);
    const recordKey = `${TOOL_VERSION}; images ${settings.images}`;
    const plan = planRun(selected, await store.loadPosts(), { full: settings.full, since: settings.since, recordKey });
    emit({ type: 'discovered', total: plan.fetch.length });
    const toFetch = plan.fetch.map((planned) => planned.post);
    if (settings.dryRun) {
      const manifest = buildManifest(options.source, []);
      return { outDir, manifestPath: null, manifest, counts: countStatuses([]), discovered: toFetch, changes: null, elapsedMs: Date.now() - started };
    }

    const { run } = await beginRun(outDir, source.blogOrigin);
    await removeLeftoverTempFiles(outDir);
    const states = await exportPosts({
      plan,
      fetcher: network.fetcher,
      assetFetcher: network.assetFetcher,
      blogOrigin: source.blogOrigin,
      settings,
      outDir,
      save: { store, runId: run.runId, recordKey },
      emit,
      signal,
    });
    const entries = states.map(manifestEntryOf);
    const manifest = buildManifest(options.source, entries);
    const manifestPath = await writeManifest(outDir, manifest);
    const changes = buildChanges(states, run.runId, plan.skipped, { full: settings.full, since: settings.since });
    await writeChanges(outDir, changes);
    await finishRun(outDir, run);
    return { outDir, manifestPath, manifest, counts: countStatuses(entries), discovered: toFetch, changes, elapsedMs: Date.now() - started };
  } finally {
    await network.close();
  }
}

interface Network {
  fetcher: Fetcher;
  assetFetcher: Fetcher;
  close(): Promise<void>;
}

/**
 * The polite clients (pages, and images with their own limits), or the caller's fetchers; kept in
 * `--cache` when asked, or replaced by it with `--offline`, which never creates a client at all.
 */
function createNetwork(options: ExportOptions, settings: ExportSettings, emit: (event: ExportEvent) => void): Network {
  const cache = settings.cache === null ? null : new PageCache(resolve(settings.cache));
  if (cache && settings.offline) {
    const fetcher = offlineFetcher(cache);
    return { fetcher, assetFetcher: fetcher, close: async () => {} };
  }
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
  const keep = (inner: Fetcher) =>
    cache ? cachingFetcher(inner, cache, (message) => emit({ type: 'warning', message })) : inner;
  return {
    fetcher: keep(fetcher),
    assetFetcher: assetFetcher === fetcher ? keep(fetcher) : keep(assetFetcher),
    close: async () => {
      await Promise.all([ownClient?.close(), ownAssetClient?.close()]);
    },
  };
}

/** Discovery asks without a signal of its own; this lets an interrupt stop its requests too. */
function withSignal(fetcher: Fetcher, signal: AbortSignal | undefined): Fetcher {
  if (!signal) return fetcher;
  return { get: (url: string, options?: FetchOptions) => fetcher.get(url, { ...options, signal: options?.signal ?? signal }) };
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
