// Merging what the sources found into one entry per post.

import type { DiscoveredPost, DiscoverySource } from '../types.js';
import { normalizePostUrl, postIdFromUrl } from './post-url.js';
import type { Candidate } from './source.js';

/** Sitemap lastmod is a modification time, RSS pubDate a publication time: the former is preferred. */
const LASTMOD_PREFERENCE: readonly DiscoverySource[] = ['sitemap', 'rss', 'list', 'argument'];

interface Entry {
  url: string;
  id: string | null;
  lastmods: Map<DiscoverySource, string>;
  sources: Set<DiscoverySource>;
}

function absorb(target: Entry, other: Entry): void {
  target.id ??= other.id;
  for (const source of other.sources) target.sources.add(source);
  for (const [source, lastmod] of other.lastmods)
    if (!target.lastmods.has(source)) target.lastmods.set(source, lastmod);
}

/** When one post is known under both `/123` and `/entry/slug`, keep the slug: it is the blog's own spelling. */
function preferredUrl(a: string, b: string): string {
  const aIsSlug = postIdFromUrl(a) === null;
  const bIsSlug = postIdFromUrl(b) === null;
  if (aIsSlug !== bIsSlug) return aIsSlug ? a : b;
  return a < b ? a : b;
}

function compareIds(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.length - b.length || (a < b ? -1 : 1);
}

function toDiscoveredPost(entry: Entry): DiscoveredPost {
  const lastmod = LASTMOD_PREFERENCE.map((source) => entry.lastmods.get(source)).find((value) => value !== undefined);
  return {
    url: entry.url,
    id: entry.id,
    lastmod: lastmod ?? null,
    sources: LASTMOD_PREFERENCE.filter((source) => entry.sources.has(source)),
  };
}

/**
 * One entry per post: candidates merged by normalised URL, then by id where an id is known under two
 * URLs. Candidates that are not posts of the blog are dropped. Sorted by id (numerically), then URL.
 */
export function mergeCandidates(
  candidates: readonly Candidate[],
  origin: string,
  sameBlogOrigins: readonly string[],
): DiscoveredPost[] {
  const byUrl = new Map<string, Entry>();
  for (const candidate of candidates) {
    const url = normalizePostUrl(candidate.href, origin, sameBlogOrigins);
    if (!url) continue;
    const entry: Entry = {
      url,
      id: postIdFromUrl(url) ?? candidate.id,
      lastmods: new Map(candidate.lastmod ? [[candidate.source, candidate.lastmod]] : []),
      sources: new Set([candidate.source]),
    };
    const known = byUrl.get(url);
    if (known) absorb(known, entry);
    else byUrl.set(url, entry);
  }

  const byId = new Map<string, Entry>();
  const merged: Entry[] = [];
  for (const entry of byUrl.values()) {
    const twin = entry.id === null ? undefined : byId.get(entry.id);
    if (!twin) {
      if (entry.id !== null) byId.set(entry.id, entry);
      merged.push(entry);
      continue;
    }
    twin.url = preferredUrl(twin.url, entry.url);
    absorb(twin, entry);
  }

  return merged
    .sort((a, b) => compareIds(a.id, b.id) || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
    .map(toDiscoveredPost);
}
