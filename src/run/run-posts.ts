import pLimit from 'p-limit';
import { AssetStore } from '../assets/asset-store.js';
import { errorMessage } from '../errors.js';
import type { ExportSettings } from '../options.js';
import { readKnownAssets } from '../state/manifest.js';
import type { RunPlan } from '../state/plan.js';
import { manifestEntryOf, type PostState } from '../state/post-state.js';
import { createTarget, type Target } from '../targets/index.js';
import { newPathFor, writeRedirects } from '../targets/redirects.js';
import type { ExportEvent, Fetcher, ManifestEntry } from '../types.js';
import { SlugAllocator } from '../util/slug.js';
import { exportPost, type PostContext } from './export-post.js';
import type { PageReader } from '../read/page-reader.js';
import { ExportInterrupted } from './interrupted.js';
import { refreshKeptComments, type CommentsSource } from './post-comments.js';
import { PostRegistry } from '../body/post-registry.js';
import type { PureStages } from '../read/pure-stages.js';
import { fixPendingLinks, replayPost } from './replay.js';
import { DiskFullDuringRun } from './disk-full.js';
import { DiskFullError } from '../util/write-errors.js';
import { priorExport } from './losses.js';
import { keepPrevious, saveOutcome, type SaveContext } from './save-outcome.js';
import type { PostSelection } from '../selection/post-selection.js';
import type { WordPressPublisher } from '../publish/wordpress/publisher.js';

interface PostsJob {
  plan: RunPlan;
  reader: PageReader;
  stages: PureStages;
  assetFetcher: Fetcher;
  blogOrigin: string;
  /** Files stored whatever `--images` says (a backup's own files, which have no other address). */
  alwaysStore?: (url: string) => boolean;
  /** False when the posts' old addresses are unknown (a backup without `--blog-url`): no redirect files. */
  redirects?: boolean;
  settings: ExportSettings;
  outDir: string;
  save: SaveContext;
  emit: (event: ExportEvent) => void;
  signal: AbortSignal | undefined;
  /** Where comments come from under `--comments`; absent, none are fetched. */
  comments?: CommentsSource;
  /** A category or tag chosen (see `PostContext.selection`); absent, every post. */
  selection?: PostSelection;
  /** Which posts the folder holds that this run is about: the others' comments are not asked for. Absent: all. */
  inScope?: (state: PostState) => boolean;
  /** `-f wordpress`: the site it publishes to. */
  wordpress?: WordPressPublisher;
}

/**
 * Fetches and writes the posts the plan names, saving each in the folder's state as it finishes; then
 * fixes links that pointed forward, hands every kept post to the targets again, and completes the files
 * that span posts. Returns the state of every post the export now holds. A full disk stops it with
 * `DiskFullDuringRun`, which holds the posts saved until then.
 */
export async function exportPosts(job: PostsJob): Promise<PostState[]> {
  const { plan, settings, outDir, emit, signal } = job;
  const { store } = job.save;
  const onWarning = (message: string) => emit({ type: 'warning', message });
  const targets: Target[] = settings.formats.map((format) =>
    createTarget(format, {
      outDir,
      assetLayout: settings.assetLayout,
      comments: settings.comments,
      filesUrl: settings.filesUrl,
      onWarning,
      ...(job.wordpress ? { wordpress: job.wordpress } : {}),
    }),
  );
  const registry = new PostRegistry(job.blogOrigin);
  const context: PostContext = {
    reader: job.reader,
    targets,
    slugs: new SlugAllocator(),
    claimedIds: new Set(),
    registry,
    stages: job.stages,
    images: settings.images,
    ...(job.alwaysStore ? { alwaysStore: job.alwaysStore } : {}),
    assets:
      settings.images === 'download' || job.alwaysStore
        ? new AssetStore(outDir, job.assetFetcher, await readKnownAssets(outDir, savedEntries(plan)), signal)
        : null,
    onWarning,
    signal,
    ...(job.comments ? { comments: job.comments } : {}),
    ...(job.selection ? { selection: job.selection } : {}),
  };
  const kept = [...plan.keep];
  for (const state of kept) registry.addOrigins(state.origins);
  for (const state of kept) remember(state, context);
  const finished: PostState[] = [];
  // The http client already limits requests per host; this only bounds how many posts are in memory.
  const limit = pLimit(Math.max(1, settings.concurrency * 2));
  let done = 0;
  let diskFull = null as DiskFullError | null;
  // The first full disk stops the run: no post starts after it, those in flight end as they can. Noted
  // inside the task, before the limiter starts the next one.
  const untilDiskFull = (task: () => Promise<void>) => async () => {
    if (diskFull) return;
    await task().catch((error: unknown) => {
      if (!(error instanceof DiskFullError)) throw error;
      diskFull ??= error;
    });
  };
  try {
    await Promise.all(
      plan.fetch.map((planned) =>
        limit(
          untilDiskFull(async () => {
            if (signal?.aborted) return;
            const prior = priorExport(planned.previous, { acceptLosses: settings.acceptLosses, store });
            const outcome = await exportPost(planned.post, context, prior);
            if (outcome.kind === 'interrupted') return;
            done++;
            if (outcome.kind === 'duplicate') {
              // A failed attempt under another URL of a post that is exported: nothing left to retry.
              if (planned.previous?.entry.status === 'failed') await store.removePost(planned.previous.entry.id);
              emit({ type: 'duplicate', id: outcome.id, url: outcome.url, done, total: plan.fetch.length });
              return;
            }
            if (outcome.kind === 'outside') {
              // Not this run's to write, nor to drop: an export the folder holds of it stays as it is.
              if (planned.previous && planned.previous.entry.status !== 'failed') {
                remember(planned.previous, context);
                kept.push(planned.previous);
              }
              emit({
                type: 'outside',
                id: outcome.id,
                url: outcome.url,
                title: outcome.title,
                done,
                total: plan.fetch.length,
              });
              return;
            }
            if (outcome.kind === 'kept') {
              // Only a post with an export can lose anything: `priorExport` of no previous state finds no loss.
              const state = await keepPrevious(planned.previous!, outcome.loss, job.save);
              remember(state, context);
              kept.push(state);
              emit({ type: 'warning', message: `${state.entry.url}: ${outcome.loss.reason}` });
              emit({ type: 'post', entry: manifestEntryOf(state), kept: true, done, total: plan.fetch.length });
              return;
            }
            finished.push(await saveOutcome(planned, outcome.entry, outcome.exported, job.save));
            emit({ type: 'post', entry: outcome.entry, done, total: plan.fetch.length });
          }),
        ),
      ),
    );
    if (diskFull) throw diskFull;
    stopIfInterrupted(job, [...kept, ...finished], plan.fetch.length - done);
    const lookup = (key: string) => registry.lookup(key);
    const fixed = await fixPendingLinks(finished, targets, store, lookup, context.onWarning);
    const toReplay = job.comments
      ? await refreshKeptComments(kept, {
          store,
          source: job.comments,
          concurrency: settings.concurrency * 2,
          signal,
          onWarning: context.onWarning,
          since: settings.since,
          until: settings.until,
          runId: job.save.runId,
          ...(job.inScope ? { inScope: job.inScope } : {}),
        })
      : kept;
    const replayed: PostState[] = [];
    for (const state of toReplay) {
      stopIfInterrupted(job, [...kept, ...fixed], 0);
      replayed.push(
        await replayPost(state, targets, store, lookup).catch((error: unknown) => {
          if (error instanceof DiskFullError) throw error;
          context.onWarning(`${state.entry.url}: the saved post could not be written again (${errorMessage(error)})`);
          return state;
        }),
      );
    }
    if (job.redirects !== false) {
      const redirects = registry
        .all()
        .flatMap((post) => post.oldUrls.map((oldUrl) => ({ oldUrl, newPath: newPathFor(settings.redirectTo, post) })));
      await writeRedirects(outDir, redirects);
    }
    for (const target of targets) await target.finish();
    return [...fixed, ...replayed];
  } catch (error) {
    await Promise.all(targets.map((target) => target.abort()));
    // Every post saved so far is on disk with its state: the run can still say what it holds.
    if (error instanceof DiskFullError) throw new DiskFullDuringRun(error, [...kept, ...finished]);
    throw error;
  }
}

/** Every post the folder's state holds: those kept as they are and the earlier form of those fetched again. */
function savedEntries(plan: RunPlan): ManifestEntry[] {
  return [...plan.keep, ...plan.fetch.flatMap((planned) => (planned.previous ? [planned.previous] : []))].map(
    (state) => state.entry,
  );
}

/** A post the folder holds and this run does not fetch: links to it resolve, its id and slug stay its own. */
function remember(state: PostState, context: PostContext): void {
  if (state.linked) {
    context.registry.register(state.linked, state.urls);
    context.slugs.allocate(state.linked.slug, state.entry.id, true);
  }
  if (state.linked || state.protectedMeta) context.claimedIds.add(state.entry.id);
}

function stopIfInterrupted(job: PostsJob, states: readonly PostState[], remaining: number): void {
  if (!job.signal?.aborted) return;
  const saved = states.filter((state) => state.run === job.save.runId).length;
  throw new ExportInterrupted(job.outDir, saved, remaining);
}
