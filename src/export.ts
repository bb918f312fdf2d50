import { access, constants, mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { discoverPosts } from './discover/discover-posts.js';
import type { DiscoveryReporter } from './discover/events.js';
import { PageCache } from './cache/page-cache.js';
import { cachingFetcher, offlineFetcher } from './cache/cache-fetcher.js';
import { createHttpClient, type HttpClient } from './fetch/http-client.js';
import type { HttpClientEvent } from './fetch/events.js';
import type { HostLimiters } from './fetch/host-limiter.js';
import { UsageError, errorMessage } from './errors.js';
import { BACKUP_ORIGIN, backupPathOfUrl, isBackupSource, openBackup, type Backup } from './backup/index.js';
import { anotherBlogsBackup, backupIdentity, type BackupIdentity } from './backup/identity.js';
import { backupEntryWarnings } from './backup/entry-warnings.js';
import { backupPageReader, backupPosts } from './read/backup-reader.js';
import { livePageReader } from './read/page-reader.js';
import { createStages } from './read/stage-pool.js';
import { inThreadStages, type PureStages } from './read/pure-stages.js';
import { liveCommentsSource } from './run/post-comments.js';
import { type BlogCookie, CookieInputError, readCookieOption } from './util/cookie.js';
import { checkForSource, defaultSettings, parseFilesUrl, validateSettings, type ExportSettings } from './options.js';
import { ExportInterrupted } from './run/interrupted.js';
import { exportPosts } from './run/run-posts.js';
import { parseSource } from './selection/source.js';
import { parseSince, parseUntil } from './selection/date-range.js';
import { describeSelection, isWholeBlog, type PostSelection } from './selection/post-selection.js';
import { runSelection } from './selection/run-selection.js';
import { filesUrlCaveat } from './targets/wxr-urls.js';
import { buildChanges, writeChanges } from './state/changes.js';
import { removeLeftoverTempFiles } from './state/leftover-temp-files.js';
import { checkBackupFolderSource } from './state/output-folder.js';
import { assertNoForeignFiles } from './state/foreign-files.js';
import { acquireRunLock } from './state/run-lock.js';
import { buildManifest, countStatuses, writeManifest } from './state/manifest.js';
import { timeOfLastChange } from './state/manifest-time.js';
import { planRun } from './state/plan.js';
import { writeReport } from './report/write-report.js';
import { manifestEntryOf, STATE_FOLDER, StateStore, type PostState } from './state/post-state.js';
import { whenDiskFull } from './run/disk-full.js';
import { foldersMade, removeEmptyFolders } from './util/remove-empty-folders.js';
import { assertSameBlog, beginRun, finishRun } from './state/run-state.js';
import type { DiscoveredPost, ExportEvent, ExportResult, FetchOptions, Fetcher } from './types.js';
import { TOOL_VERSION } from './version.js';
import { openSite, publisherFor, wordpressPlan } from './publish/wordpress/open.js';

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
  /**
   * Per-host limits for images and attachments shared with other exports in this process (a batch's one
   * budget for the CDN hosts all its blogs use, see src/batch/); `assetConcurrency`/`assetRate` then
   * do not apply. Without it each export has its own.
   */
  assetLimits?: HostLimiters;
  onEvent?: (event: ExportEvent) => void;
  /**
   * Stops the run: posts in flight finish their writes, every finished post is already saved, and
   * `exportBlog` rejects with `ExportInterrupted`; the same call into the same folder then resumes.
   */
  signal?: AbortSignal;
}

/** What the backup alone cannot give (see `backupPostUrl`, the link rewriter and `redirects: false` below). */
const NO_BLOG_URL_WARNING = `no --blog-url: the posts' old addresses (source, manifest) are placeholders under ${BACKUP_ORIGIN}, links naming the blog's address are not turned into links between the exported posts, and no redirect files are written; add --blog-url https://NAME.tistory.com for the real ones`;

/** Attachments (uploaded videos among them) are larger than pages; bodies are held whole in memory. */
const MAX_ASSET_BYTES = 200 * 1024 * 1024;

/**
 * The whole migration: discover every post, then fetch, extract, convert and write each one. Into a
 * folder that holds an earlier export (or the state of a killed run), only new and changed posts are
 * fetched; the others come from the folder's state, and nothing is removed.
 */
export async function exportBlog(options: ExportOptions): Promise<ExportResult> {
  const started = Date.now();
  const settings: ExportSettings = { ...defaultSettings(), ...withoutUndefined(options) };
  validateSettings(settings);
  // A library caller's `2024-03-01` is a day in Korean time, as on the command line.
  if (settings.since !== null) settings.since = parseSince(settings.since);
  if (settings.until !== null) settings.until = parseUntil(settings.until);
  if (settings.filesUrl !== null) settings.filesUrl = parseFilesUrl(settings.filesUrl);
  const backupSource = await backupSourceOf(options.source, settings);
  const source = backupSource
    ? { blogOrigin: backupSource.blogOrigin, postUrl: null, list: { kind: 'blog' as const } }
    : parseSource(options.source);
  const { selection, warning: selectionWarning } = runSelection(source, settings.categories, options.source);
  const emit = options.onEvent ?? (() => {});
  const filesUrlWarning = settings.filesUrl === null ? null : filesUrlCaveat(settings.filesUrl);
  if (filesUrlWarning) emit({ type: 'warning', message: filesUrlWarning });
  const outDir = resolve(settings.out);
  // Before anything is created: an export inside the backup folder would be read back as posts.
  if (backupSource) await checkBackupFolderSource(outDir, backupSource.path);
  await assertNoForeignFiles(outDir, settings.force);
  const context: RunContext = {
    options,
    settings,
    source,
    selection,
    selectionWarning,
    backupSource,
    outDir,
    emit,
    started,
  };
  // A dry run writes nothing: it needs no lock, and a run in progress does not stop it.
  if (settings.dryRun) return exportInto(context);
  const made = await ensureWritableFolder(outDir);
  const lock = await acquireRunLock(outDir);
  try {
    return await exportInto(context);
  } finally {
    await lock.release();
    // A run that wrote nothing (every request failed) leaves no trace: no empty folder it made.
    await removeEmptyFolders([join(outDir, STATE_FOLDER), ...made]);
  }
}

interface RunContext {
  options: ExportOptions;
  settings: ExportSettings;
  source: { blogOrigin: string; postUrl: string | null };
  /** The category or tag chosen (`WHOLE_BLOG` for none), and what to say of a source URL that chose nothing. */
  selection: PostSelection;
  selectionWarning: string | null;
  backupSource: BackupSource | null;
  outDir: string;
  emit: (event: ExportEvent) => void;
  started: number;
}

/** The export itself, once the folder is this run's (or, on a dry run, only read). */
async function exportInto({
  options,
  settings,
  source,
  selection,
  selectionWarning,
  backupSource,
  outDir,
  emit,
  started,
}: RunContext): Promise<ExportResult> {
  const signal = options.signal;
  const backup = backupSource ? await openBackupSource(backupSource) : null;
  const network = backup
    ? backupNetwork(backup)
    : createNetwork(options, settings, emit, await readCookie(settings, source.blogOrigin));
  // A backup holds no comments: with `--blog-url` they are asked from the blog, the run's only requests.
  const commentsNetwork =
    backup && settings.comments !== 'off' && !settings.dryRun
      ? createNetwork(options, { ...settings, images: 'none' }, emit, undefined)
      : null;
  let stages: PureStages = inThreadStages;
  const comments =
    settings.comments === 'off' || settings.dryRun
      ? null
      : liveCommentsSource((commentsNetwork ?? network).fetcher, source.blogOrigin);

  try {
    // Before any request, and on a dry run too: a folder holding another blog's export is refused, not mixed.
    const backupSample = await assertFolderHoldsThisBlog(outDir, source.blogOrigin, backup);
    // Before the blog is read: a wrong password or a site without the REST API is one line, not a failure per post.
    const site = settings.formats.includes('wordpress')
      ? await openSite(settings, outDir, { dryRun: settings.dryRun })
      : null;
    emit({ type: 'discovering', source: options.source });
    if (selectionWarning) emit({ type: 'warning', message: selectionWarning });
    const selecting = !isWholeBlog(selection);
    if (backup && settings.blogUrl === null) emit({ type: 'warning', message: NO_BLOG_URL_WARNING });
    // Refused and doubled entries of a backup: said as the run starts, and kept in the manifest.
    const sourceWarnings = backup ? backupEntryWarnings(backup) : [];
    for (const message of sourceWarnings) emit({ type: 'warning', message });
    const discoveryFetcher = withSignal(network.fetcher, signal);
    const discovered = backup
      ? backupPosts(backup, source.blogOrigin)
      : source.postUrl
        ? [{ url: source.postUrl, id: null, lastmod: null, sources: ['argument' as const] }]
        : await discoverPosts(source.blogOrigin, discoveryFetcher, {
            onEvent: discoveryProgressTo(emit),
            ...(selecting ? { selection } : {}),
          }).catch((error: unknown) => {
            throw signal?.aborted ? new ExportInterrupted(outDir, 0, 0) : error;
          });
    if (signal?.aborted) throw new ExportInterrupted(outDir, 0, 0);
    if (selecting)
      emit({ type: 'selection', description: describeSelection(selection), listed: backup ? null : discovered.length });
    const selected = settings.limit === null ? discovered : discovered.slice(0, settings.limit);
    const store = new StateStore(outDir);
    const recordKey = `${TOOL_VERSION}; images ${settings.images}`;
    const plan = planRun(selected, await store.loadPosts(), {
      full: settings.full,
      since: settings.since,
      until: settings.until,
      recordKey,
    });
    emit({
      type: 'discovered',
      total: plan.fetch.length,
      found: discovered.length,
      alreadyExported: plan.alreadyExported.length,
      again: plan.fetch.filter((planned) => planned.previous !== null).length,
      datesLeftOut: plan.skipped.length,
      dateFlags: [settings.since === null ? '' : '--since', settings.until == null ? '' : '--until']
        .filter(Boolean)
        .join('/'),
      limitLeftOut: discovered.length - selected.length,
    });
    const toFetch = plan.fetch.map((planned) => planned.post);
    if (settings.dryRun) {
      const manifest = buildManifest(options.source, []);
      return {
        outDir,
        manifestPath: null,
        manifest,
        counts: countStatuses([]),
        discovered: toFetch,
        changes: null,
        postUrl: source.postUrl,
        elapsedMs: Date.now() - started,
        ...(site ? { wordpressPlan: wordpressPlan(site, plan) } : {}),
      };
    }

    const { run } = await beginRun(outDir, source.blogOrigin, backupSample);
    await removeLeftoverTempFiles(outDir);
    stages = createStages(settings.workers, plan.fetch.length);
    // A full disk ends the run with what it saved (see `ExportDiskFull`).
    const stopped = {
      source: options.source,
      outDir,
      startedAt: started,
      discovered: toFetch,
      postUrl: source.postUrl,
    };
    const states = await exportPosts({
      plan,
      reader: backup ? backupPageReader(backup, source.blogOrigin, stages) : livePageReader(network.fetcher, stages),
      stages,
      assetFetcher: network.assetFetcher,
      blogOrigin: source.blogOrigin,
      ...(backup ? { alwaysStore: (url: string) => backupPathOfUrl(url) !== null } : {}),
      // Without --blog-url a backup's posts have placeholder addresses: redirects from them would lead nowhere.
      ...(backup && settings.blogUrl === null ? { redirects: false } : {}),
      settings,
      outDir,
      save: { store, runId: run.runId, recordKey, full: settings.full },
      emit,
      signal,
      ...(comments ? { comments } : {}),
      ...(selecting ? { selection, inScope: inDiscovered(discovered) } : {}),
      ...(site
        ? { wordpress: publisherFor(site, settings, outDir, (message) => emit({ type: 'warning', message })) }
        : {}),
    }).catch(whenDiskFull(stopped));
    const entries = states.map(manifestEntryOf);
    const manifest = buildManifest(options.source, entries);
    if (sourceWarnings.length > 0) manifest.warnings = sourceWarnings;
    const changes = buildChanges(states, run.runId, plan.skipped, {
      full: settings.full,
      since: settings.since,
      until: settings.until,
    });
    manifest.generatedAt = await timeOfLastChange(outDir, manifest, changes);
    const manifestPath = await writeManifest(outDir, manifest).catch(whenDiskFull(stopped, states));
    await writeChanges(outDir, changes).catch(whenDiskFull(stopped, states, manifestPath));
    const counts = countStatuses(entries);
    await writeReport({ outDir, manifest, counts, states, store }).catch(whenDiskFull(stopped, states, manifestPath));
    await finishRun(outDir, run).catch(whenDiskFull(stopped, states, manifestPath));
    return {
      outDir,
      manifestPath,
      manifest,
      counts,
      discovered: toFetch,
      changes,
      postUrl: source.postUrl,
      elapsedMs: Date.now() - started,
    };
  } finally {
    await Promise.all([network.close(), commentsNetwork?.close(), stages.close()]);
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
function createNetwork(
  options: ExportOptions,
  settings: ExportSettings,
  emit: (event: ExportEvent) => void,
  cookie: BlogCookie | undefined,
): Network {
  const cache = settings.cache === null ? null : new PageCache(resolve(settings.cache));
  if (cache && settings.offline) {
    const fetcher = offlineFetcher(cache);
    return { fetcher, assetFetcher: fetcher, close: async () => {} };
  }
  const clientEvents = (event: HttpClientEvent) => {
    if (event.type === 'retry') emit(event);
    if (event.type === 'host-paused') {
      emit({
        type: 'warning',
        message: `${event.host} asked us to wait ${Math.ceil(event.delayMs / 1000)}s (${event.reason})`,
      });
    }
    if (event.type === 'robots-disallowed') emit({ type: 'warning', message: `robots.txt disallows ${event.url}` });
  };
  const common = {
    userAgent: settings.userAgent,
    retries: settings.retries,
    timeout: settings.timeout,
    onEvent: clientEvents,
  };
  const ownClient = options.fetcher
    ? null
    : createHttpClient({
        ...common,
        concurrency: settings.concurrency,
        rate: settings.rate,
        hostMap: options.hostMap,
        // Pages only: the asset client never carries the owner's session, and the client itself
        // sends it to the blog's host alone.
        ...(cookie ? { cookie } : {}),
      });
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
          ...(options.assetLimits ? { sharedLimits: options.assetLimits } : {}),
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

interface BackupSource {
  path: string;
  /** `--blog-url`'s origin, else the backup's own placeholder origin. */
  blogOrigin: string;
}

/** A `.zip` or folder given as the source is Tistory's "데이터 백업"; null for a URL. */
async function backupSourceOf(sourceArgument: string, settings: ExportSettings): Promise<BackupSource | null> {
  if (!(await isBackupSource(sourceArgument))) {
    // A file that is there is what the user meant: neither a missing file nor a web address named like it.
    const info = await stat(sourceArgument).catch(() => null);
    if (info && !info.isDirectory()) {
      throw new UsageError(
        `${sourceArgument} is not a zip file (give Tistory's backup .zip, the folder it unpacks to, or a blog URL)`,
      );
    }
    checkForSource(settings, 'blog');
    return null;
  }
  checkForSource(settings, 'backup');
  const blogOrigin = settings.blogUrl === null ? BACKUP_ORIGIN : parseSource(settings.blogUrl).blogOrigin;
  return { path: sourceArgument, blogOrigin };
}

/**
 * Refuses a folder that holds another blog's export. A backup read without `--blog-url` has no address
 * of its own, so its posts are compared with the sample of them the folder's last backup run recorded;
 * returns this backup's sample, for the run to record in turn.
 */
async function assertFolderHoldsThisBlog(
  outDir: string,
  blogOrigin: string,
  backup: Backup | null,
): Promise<BackupIdentity | null> {
  const previous = await assertSameBlog(outDir, blogOrigin);
  if (!backup) return null;
  const difference = previous?.backupPosts ? await anotherBlogsBackup(previous.backupPosts, backup) : null;
  if (difference !== null)
    throw new UsageError(`${outDir} holds an export of another blog: ${difference}; choose another output folder`);
  return backupIdentity(backup);
}

async function openBackupSource(source: BackupSource): Promise<Backup> {
  try {
    return await openBackup(source.path, { blogUrl: source.blogOrigin });
  } catch (error) {
    throw new UsageError(`cannot read the backup ${source.path}: ${errorMessage(error)}`);
  }
}

/** A backup needs no network: its files are served by the backup itself, and every other URL is refused. */
function backupNetwork(backup: Backup): Network {
  return { fetcher: backup.fetcher, assetFetcher: backup.fetcher, close: () => backup.close() };
}

/** `--cookie`: read once, before any request; what is wrong with it is said without its value. */
async function readCookie(settings: ExportSettings, blogOrigin: string): Promise<BlogCookie | undefined> {
  if (settings.cookie === null) return undefined;
  try {
    return await readCookieOption(settings.cookie, blogOrigin);
  } catch (error) {
    if (error instanceof CookieInputError)
      throw new UsageError(error.message.startsWith('--cookie') ? error.message : `--cookie: ${error.message}`);
    throw error;
  }
}

/** Discovery's running counts, passed on; its other events explain a short result and stay inside. */
function discoveryProgressTo(emit: (event: ExportEvent) => void): DiscoveryReporter {
  return (event) => {
    if (event.type === 'progress')
      emit({ type: 'discovery-progress', pagesRead: event.pagesRead, postsFound: event.postsFound });
  };
}

/** A post the folder holds is in a selective run's scope when the selection's lists showed it. */
function inDiscovered(discovered: readonly DiscoveredPost[]): (state: PostState) => boolean {
  const urls = new Set(discovered.map((post) => post.url));
  const ids = new Set(discovered.flatMap((post) => (post.id === null ? [] : [post.id])));
  return (state) => ids.has(state.entry.id) || state.urls.some((url) => urls.has(url));
}

/** Discovery asks without a signal of its own; this lets an interrupt stop its requests too. */
function withSignal(fetcher: Fetcher, signal: AbortSignal | undefined): Fetcher {
  if (!signal) return fetcher;
  return {
    get: (url: string, options?: FetchOptions) => fetcher.get(url, { ...options, signal: options?.signal ?? signal }),
  };
}

/** Returns the folders it made, deepest first. */
async function ensureWritableFolder(outDir: string): Promise<string[]> {
  // A path that is not a folder was refused already, by `assertNoForeignFiles`.
  try {
    const made = foldersMade(await mkdir(outDir, { recursive: true }), outDir);
    await access(outDir, constants.W_OK);
    return made;
  } catch {
    throw new UsageError(`output folder is not writable: ${outDir}`);
  }
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
