import type { AssetStore } from '../assets/asset-store.js';
import { MISSING_FROM_BACKUP, missingFileAsset } from '../backup/missing-file.js';
import { errorMessage } from '../errors.js';
import { GUESSED_BODY_WARNING } from '../extract/find-body.js';
import { manifestAssets } from '../state/manifest.js';
import type { Target } from '../targets/index.js';
import type { DiscoveredPost, LinkedPost, ManifestEntry, PostAsset, PostMeta } from '../types.js';
import type { ImagesMode } from '../names.js';
import { entrySlugFromUrl, type SlugAllocator } from '../util/slug.js';
import { DiskFullError } from '../util/write-errors.js';
import { isDownloadableUrl } from '../assets/asset-url.js';
import { isSelected, type PostSelection } from '../selection/post-selection.js';
import type { AssetRef } from '../body/body-template.js';
import { NO_PRIOR_EXPORT, type Loss, type PageView, type PriorExport } from './losses.js';
import { writeAll } from './replay.js';
import type { PageReader } from '../read/page-reader.js';
import { commentsOutcomeWarnings, type CommentsSource } from './post-comments.js';
import { convertedPost, type PostRecord } from '../body/post-body.js';
import type { PostRegistry } from '../body/post-registry.js';
import type { ConvertedBody, PureStages } from '../read/pure-stages.js';

export interface PostContext {
  /** Where each post's page comes from: the live blog or a backup. */
  reader: PageReader;
  targets: readonly Target[];
  slugs: SlugAllocator;
  /** Ids already exported in this run: one post reached by `/123` and `/entry/slug` is written once. */
  claimedIds: Set<string>;
  /** Posts exported so far, so links between posts can be rewritten. */
  registry: PostRegistry;
  /** Where bodies are converted: this thread, or worker threads on long runs. */
  stages: PureStages;
  images: ImagesMode;
  /** Null unless files are stored (images downloaded, or a backup's files copied). */
  assets: AssetStore | null;
  /** Files stored whatever `--images` says: a backup's own files have no address anyone can reach. */
  alwaysStore?: (url: string) => boolean;
  onWarning: (message: string) => void;
  signal?: AbortSignal;
  /** `--comments`: where exported posts' comments come from; absent, none are fetched. */
  comments?: CommentsSource;
  /** A category or tag chosen: a post whose page says it is elsewhere is not written. Absent: every post. */
  selection?: PostSelection;
}

/** What the output folder's state keeps of an exported post (see `PostState`). */
export interface ExportedPost {
  urls: string[];
  origins: string[];
  /** The page's modified, else published, time. */
  updated: string | null;
  linked: LinkedPost | null;
  protectedMeta: PostMeta | null;
  pendingLinks: boolean;
  /** The converted body, for `ok` posts. */
  record: PostRecord | null;
}

/**
 * What happened to one discovered URL; `duplicate` means another URL of the same post was exported,
 * `kept` that the fetch showed less than the folder's export of it (see `PriorExport`) and nothing was
 * written, `outside` that its page puts it outside the run's selection (a list's sidebar linked it) and
 * nothing was written, and `interrupted` that the run's signal stopped it before it wrote anything.
 */
export type PostOutcome =
  | { kind: 'entry'; entry: ManifestEntry; exported: ExportedPost }
  | { kind: 'duplicate'; id: string; url: string }
  | { kind: 'outside'; id: string; url: string; title: string }
  | { kind: 'kept'; loss: Loss }
  | { kind: 'interrupted' };

/**
 * Fetch → extract → convert → assets → write for one post. Never throws but for a full disk, which
 * ends the run: other failures become a `failed` entry. `prior` is what the folder already holds of the
 * post: a fetch that shows less than that export writes nothing and comes back `kept`, decided before
 * any file is touched.
 */
export async function exportPost(
  post: DiscoveredPost,
  context: PostContext,
  prior: PriorExport = NO_PRIOR_EXPORT,
): Promise<PostOutcome> {
  const fallbackId = post.id ?? post.url;
  const entry = (manifestEntry: ManifestEntry, exported: Partial<ExportedPost> = {}): PostOutcome => ({
    kind: 'entry',
    entry: manifestEntry,
    exported: {
      urls: [post.url],
      origins: [],
      updated: null,
      linked: null,
      protectedMeta: null,
      pendingLinks: false,
      record: null,
      ...exported,
    },
  });
  /** The loss `view` would be, as an outcome; null when the view may be written. */
  const kept = async (view: PageView): Promise<PostOutcome | null> => {
    const loss = await prior.lossOf(view);
    return loss === null ? null : { kind: 'kept', loss };
  };
  try {
    const page = await context.reader.read(
      post,
      { images: context.images, names: context.registry.blogNames() },
      context.signal,
    );
    if (page.kind === 'status') {
      const status = page.status === 404 || page.status === 410 ? 'missing' : 'failed';
      const error = `HTTP ${page.status}`;
      return (
        (await kept(status === 'missing' ? { shows: 'nothing' } : { shows: 'error', error })) ??
        entry({
          id: fallbackId,
          url: post.url,
          title: '',
          status,
          files: [],
          ...(status === 'failed' ? { error } : {}),
        })
      );
    }
    const { extraction } = page;
    if (
      (extraction.status === 'ok' || extraction.status === 'protected') &&
      context.selection &&
      !isSelected(extraction.meta, context.selection)
    ) {
      return {
        kind: 'outside',
        id: extraction.meta.id ?? fallbackId,
        url: extraction.meta.url,
        title: extraction.meta.title,
      };
    }
    switch (extraction.status) {
      case 'missing':
        return (
          (await kept({ shows: 'nothing' })) ??
          entry({ id: fallbackId, url: post.url, title: '', status: 'missing', files: [] })
        );
      case 'failed':
        return (
          (await kept({ shows: 'no-article', why: extraction.error })) ??
          entry({
            id: extraction.meta?.id ?? fallbackId,
            url: post.url,
            title: extraction.meta?.title ?? '',
            status: 'failed',
            files: [],
            error: extraction.error,
          })
        );
      case 'protected': {
        const id = extraction.meta.id ?? fallbackId;
        if (!claim(context, id)) return { kind: 'duplicate', id, url: post.url };
        const hidden = await kept({ shows: 'hidden', status: 'protected' });
        if (hidden) return hidden;
        // Its comments are not asked for: they stay behind the password, like the body (`--cookie` opens both).
        const files = await writeAll(context.targets, (target) => target.writeProtected(extraction.meta, id));
        return entry(
          { id, url: extraction.meta.url, title: extraction.meta.title, status: 'protected', files },
          {
            urls: unique([extraction.meta.url, post.url, page.url]),
            updated: pageTime(extraction.meta),
            protectedMeta: extraction.meta,
          },
        );
      }
      case 'ok': {
        // A placeholder's title and text are no post's: it is not even checked against the other URLs.
        const placeholder = page.statesAPost ? null : await kept({ shows: 'no-article', why: null });
        if (placeholder) return placeholder;
        const { meta, body, bodyFoundBy } = extraction;
        const id = meta.id ?? fallbackId;
        if (!claim(context, id)) return { kind: 'duplicate', id, url: post.url };
        const { origins } = page;
        context.registry.addOrigins(origins);
        const urls = [meta.url, post.url, page.url];
        const slug = context.slugs.allocate(prior.slug ?? preferredSlug(meta, post.url), id, prior.slug !== null);
        // Asked while the images download.
        const comments = context.comments?.fetch(id, context.signal);
        const record = await buildRecord(meta, id, body, urls, context, slug, page.extraAssets);
        const emptied = isEmptyRecord(record) ? await kept({ shows: 'empty-body' }) : null;
        if (emptied) {
          await comments;
          return emptied;
        }
        const commentsOutcome = await comments;
        // Images cut short by the signal would be written as remote, comments as missing: leave the post for the resumed run.
        if (context.signal?.aborted) return { kind: 'interrupted' };
        if (commentsOutcome && 'comments' in commentsOutcome) record.comments = commentsOutcome.comments;
        const converted = convertedPost(record, (key) => context.registry.lookup(key));
        const files = await writeAll(context.targets, (target) => target.writePost(converted));
        const linked: LinkedPost = {
          id,
          slug: record.slug,
          url: meta.url,
          title: meta.title,
          published: meta.published,
          categories: meta.categories,
        };
        context.registry.register(linked, urls);
        const commentsWarnings = commentsOutcomeWarnings(commentsOutcome ?? null);
        const pageWarnings = [...page.warnings, ...(bodyFoundBy === 'scored' ? [GUESSED_BODY_WARNING] : [])];
        // A failed download is not announced as the run goes: the summary lists each one once, at the end.
        for (const warning of [...pageWarnings, ...commentsWarnings]) context.onWarning(`${meta.url}: ${warning}`);
        const warnings = [...pageWarnings, ...assetWarnings(record.assets), ...commentsWarnings];
        return entry(
          {
            id,
            url: meta.url,
            title: meta.title,
            status: 'ok',
            bodyFoundBy,
            files,
            ...(record.assets.length > 0 ? { assets: manifestAssets(record.assets) } : {}),
            ...(warnings.length > 0 ? { warnings } : {}),
          },
          {
            urls: unique(urls),
            origins,
            updated: pageTime(meta),
            linked,
            pendingLinks: converted.pendingLinks,
            record,
          },
        );
      }
    }
  } catch (error) {
    if (error instanceof DiskFullError) throw error;
    if (context.signal?.aborted) return { kind: 'interrupted' };
    const message = errorMessage(error);
    return (
      (await kept({ shows: 'error', error: message })) ??
      entry({ id: fallbackId, url: post.url, title: '', status: 'failed', files: [], error: message })
    );
  }
}

/** The converted body, with tokens for its URLs, and its images and attachments brought home. */
async function buildRecord(
  meta: PostMeta,
  id: string,
  template: ConvertedBody,
  urls: string[],
  context: PostContext,
  slug: string,
  extraAssets: readonly AssetRef[] = [],
): Promise<PostRecord> {
  const refs = [...template.assets];
  if (context.images !== 'none')
    for (const extra of extraAssets) if (!refs.some((ref) => ref.url === extra.url)) refs.push(extra);
  let cover: number | null = null;
  if (meta.cover && context.images !== 'none' && isDownloadableUrl(meta.cover)) {
    cover = refs.findIndex((ref) => ref.url === meta.cover);
    if (cover < 0) cover = refs.push({ url: meta.cover, kind: 'image', hint: null }) - 1;
  }
  const assets = await Promise.all(
    refs.map(
      (ref) =>
        missingFileAsset(ref.url, ref.kind) ??
        (context.assets && (context.images === 'download' || context.alwaysStore?.(ref.url))
          ? context.assets.store(ref)
          : remoteAsset(ref)),
    ),
  );
  return {
    meta: context.images === 'none' ? { ...meta, cover: null } : meta,
    id,
    slug,
    oldUrls: context.registry.oldUrlsFor(id, meta.url, urls),
    markdown: template.markdown,
    html: template.html,
    assets,
    links: template.links,
    cover,
  };
}

/** Nothing to read and nothing to show: what a body of empty paragraphs converts to. */
function isEmptyRecord(record: PostRecord): boolean {
  return record.markdown.trim() === '' && record.assets.length === 0;
}

function remoteAsset(ref: AssetRef): PostAsset {
  return { url: ref.url, kind: ref.kind, file: null, name: null, sha256: null, bytes: null };
}

/** A file missing from a backup is not among them: the backup's reader already said so, once per file. */
function assetWarnings(assets: readonly PostAsset[]): string[] {
  return assets
    .filter((asset) => asset.error !== undefined && asset.error !== MISSING_FROM_BACKUP)
    .map((asset) => `${asset.kind} kept its remote URL, download failed (${asset.error}): ${asset.url}`);
}

function pageTime(meta: PostMeta): string | null {
  return meta.updated ?? meta.published;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function claim(context: PostContext, id: string): boolean {
  if (context.claimedIds.has(id)) return false;
  context.claimedIds.add(id);
  return true;
}

/** Tistory's own `/entry/<slug>` or `/pages/<slug>` when there is one, so old and new paths match; else the title. */
function preferredSlug(meta: PostMeta, fetchedUrl: string): string {
  return entrySlugFromUrl(meta.url) ?? entrySlugFromUrl(fetchedUrl) ?? meta.title;
}
