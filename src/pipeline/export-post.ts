import type { AssetStore } from '../assets/asset-store.js';
import { toMarkdown } from '../convert/index.js';
import { blogOriginsStatedIn } from '../discover/blog-identity.js';
import { errorMessage } from '../errors.js';
import { extractPost } from '../extract/index.js';
import { manifestAssets } from '../state/manifest.js';
import type { Target } from '../targets/index.js';
import type { DiscoveredPost, Fetcher, ImagesMode, ManifestEntry, PostAsset, PostMeta } from '../types.js';
import { entrySlugFromUrl, type SlugAllocator } from '../util/slug.js';
import { isDownloadableUrl } from '../assets/asset-url.js';
import { templateBody, type AssetRef } from './body-template.js';
import type { PendingLinks } from './pending-links.js';
import { convertedPost, type PostRecord } from './post-body.js';
import type { PostRegistry } from './post-registry.js';

export interface PostContext {
  fetcher: Fetcher;
  targets: readonly Target[];
  slugs: SlugAllocator;
  /** Ids already exported in this run: one post reached by `/123` and `/entry/slug` is written once. */
  claimedIds: Set<string>;
  /** Posts exported so far, so links between posts can be rewritten. */
  registry: PostRegistry;
  images: ImagesMode;
  /** Null unless images are downloaded. */
  assets: AssetStore | null;
  pending: PendingLinks;
  onWarning: (message: string) => void;
  signal?: AbortSignal;
}

/** What happened to one discovered URL; `duplicate` means another URL of the same post was exported. */
export type PostOutcome = { kind: 'entry'; entry: ManifestEntry } | { kind: 'duplicate'; id: string; url: string };

/** Fetch → extract → convert → assets → write for one post. Never throws: failures become a `failed` entry. */
export async function exportPost(post: DiscoveredPost, context: PostContext): Promise<PostOutcome> {
  const fallbackId = post.id ?? post.url;
  try {
    const response = await context.fetcher.get(post.url, { accept: 'text/html', signal: context.signal });
    if (response.status === 404 || response.status === 410) {
      return entry({ id: fallbackId, url: post.url, title: '', status: 'missing', files: [] });
    }
    if (response.status >= 400) {
      return entry({ id: fallbackId, url: post.url, title: '', status: 'failed', files: [], error: `HTTP ${response.status}` });
    }
    const html = response.text();
    const extraction = extractPost(html, response.url);
    switch (extraction.status) {
      case 'missing':
        return entry({ id: fallbackId, url: post.url, title: '', status: 'missing', files: [] });
      case 'failed':
        return entry({
          id: extraction.meta?.id ?? fallbackId,
          url: post.url,
          title: extraction.meta?.title ?? '',
          status: 'failed',
          files: [],
          error: extraction.error,
        });
      case 'protected': {
        const id = extraction.meta.id ?? fallbackId;
        if (!claim(context, id)) return { kind: 'duplicate', id, url: post.url };
        const files = await writeAll(context.targets, (target) => target.writeProtected(extraction.meta, id));
        return entry({ id, url: extraction.meta.url, title: extraction.meta.title, status: 'protected', files });
      }
      case 'ok': {
        const { meta, bodyHtml } = extraction;
        const id = meta.id ?? fallbackId;
        if (!claim(context, id)) return { kind: 'duplicate', id, url: post.url };
        context.registry.addOrigins(blogOriginsStatedIn(html));
        const urls = [meta.url, post.url, response.url];
        const record = await buildRecord(meta, id, bodyHtml, urls, context, context.slugs.allocate(preferredSlug(meta, post.url), id));
        const converted = convertedPost(record, (key) => context.registry.lookup(key));
        const files = await writeAll(context.targets, (target) => target.writePost(converted));
        context.registry.register(
          { id, slug: record.slug, url: meta.url, title: meta.title, published: meta.published, categories: meta.categories },
          urls,
        );
        if (converted.pendingLinks) await context.pending.add(record);
        const warnings = assetWarnings(record.assets);
        for (const warning of warnings) context.onWarning(`${meta.url}: ${warning}`);
        return entry({
          id,
          url: meta.url,
          title: meta.title,
          status: 'ok',
          files,
          ...(record.assets.length > 0 ? { assets: manifestAssets(record.assets) } : {}),
          ...(warnings.length > 0 ? { warnings } : {}),
        });
      }
    }
  } catch (error) {
    return entry({ id: fallbackId, url: post.url, title: '', status: 'failed', files: [], error: errorMessage(error) });
  }
}

/** Converts the body once, with tokens for its URLs, and brings its images and attachments home. */
async function buildRecord(
  meta: PostMeta,
  id: string,
  bodyHtml: string,
  urls: string[],
  context: PostContext,
  slug: string,
): Promise<PostRecord> {
  const template = templateBody(bodyHtml, {
    baseUrl: meta.url,
    images: context.images,
    postKeyOf: (url) => context.registry.keyOf(url),
  });
  const refs = [...template.assets];
  let cover: number | null = null;
  if (meta.cover && context.images !== 'none' && isDownloadableUrl(meta.cover)) {
    cover = refs.findIndex((ref) => ref.url === meta.cover);
    if (cover < 0) cover = refs.push({ url: meta.cover, kind: 'image', hint: null }) - 1;
  }
  const assets = await Promise.all(refs.map((ref) => (context.assets ? context.assets.store(ref) : remoteAsset(ref))));
  return {
    meta: context.images === 'none' ? { ...meta, cover: null } : meta,
    id,
    slug,
    oldUrls: context.registry.oldUrlsFor(id, meta.url, urls),
    markdown: toMarkdown(template.html, { baseUrl: meta.url }),
    html: template.html,
    assets,
    links: template.links,
    cover,
  };
}

function remoteAsset(ref: AssetRef): PostAsset {
  return { url: ref.url, kind: ref.kind, file: null, name: null, sha256: null, bytes: null };
}

function assetWarnings(assets: readonly PostAsset[]): string[] {
  return assets
    .filter((asset) => asset.error !== undefined)
    .map((asset) => `${asset.kind} kept its remote URL, download failed (${asset.error}): ${asset.url}`);
}

function entry(manifestEntry: ManifestEntry): PostOutcome {
  return { kind: 'entry', entry: manifestEntry };
}

function claim(context: PostContext, id: string): boolean {
  if (context.claimedIds.has(id)) return false;
  context.claimedIds.add(id);
  return true;
}

/** Tistory's own `/entry/<slug>` when the blog uses them, so old and new paths match; else the title. */
function preferredSlug(meta: PostMeta, fetchedUrl: string): string {
  return entrySlugFromUrl(meta.url) ?? entrySlugFromUrl(fetchedUrl) ?? meta.title;
}

async function writeAll(targets: readonly Target[], write: (target: Target) => Promise<string[]>): Promise<string[]> {
  const files: string[] = [];
  for (const target of targets) files.push(...(await write(target)));
  return files;
}
