import { extractPost } from '../extract/index.js';
import { toMarkdown } from '../convert/index.js';
import { errorMessage } from '../errors.js';
import type { DiscoveredPost, Fetcher, ManifestEntry, PostMeta } from '../types.js';
import type { Target } from '../targets/index.js';
import { entrySlugFromUrl, type SlugAllocator } from '../util/slug.js';

export interface PostContext {
  fetcher: Fetcher;
  targets: readonly Target[];
  slugs: SlugAllocator;
  /** Ids already exported in this run: one post reached by `/123` and `/entry/slug` is written once. */
  claimedIds: Set<string>;
  signal?: AbortSignal;
}

/** What happened to one discovered URL; `duplicate` means another URL of the same post was exported. */
export type PostOutcome = { kind: 'entry'; entry: ManifestEntry } | { kind: 'duplicate'; id: string; url: string };

/** Fetch → extract → convert → write for one post. Never throws: failures become a `failed` entry. */
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
    const extraction = extractPost(response.text(), response.url);
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
        const markdown = toMarkdown(bodyHtml, { baseUrl: meta.url });
        const slug = context.slugs.allocate(preferredSlug(meta, post.url), id);
        const converted = { meta, id, slug, html: bodyHtml, markdown };
        const files = await writeAll(context.targets, (target) => target.writePost(converted));
        return entry({ id, url: meta.url, title: meta.title, status: 'ok', files });
      }
    }
  } catch (error) {
    return entry({ id: fallbackId, url: post.url, title: '', status: 'failed', files: [], error: errorMessage(error) });
  }
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
