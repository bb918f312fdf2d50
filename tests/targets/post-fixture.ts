// A ConvertedPost as the pipeline builds it, for target tests: remote assets, no links.

import { convertedPost, type PostRecord } from '../../src/body/post-body.js';
import type { ConvertedPost, PostAsset, PostMeta, UrlRewriter } from '../../src/types.js';

export function remoteAsset(url: string, kind: PostAsset['kind'] = 'image'): PostAsset {
  return { url, kind, file: null, name: null, sha256: null, bytes: null };
}

export function postOf(
  meta: PostMeta,
  body: { id?: string; slug: string; markdown: string; html: string } & Partial<
    Pick<PostRecord, 'assets' | 'links' | 'oldUrls'>
  >,
): ConvertedPost {
  const assets = body.assets ?? (meta.cover ? [remoteAsset(meta.cover)] : []);
  const coverIndex = meta.cover ? assets.findIndex((asset) => asset.url === meta.cover) : -1;
  const record: PostRecord = {
    meta,
    id: body.id ?? meta.id ?? 'post',
    slug: body.slug,
    oldUrls: body.oldUrls ?? [],
    markdown: body.markdown,
    html: body.html,
    assets,
    links: body.links ?? [],
    cover: coverIndex >= 0 ? coverIndex : null,
  };
  return convertedPost(record, () => null);
}

/** Keeps every URL as it was on Tistory. */
export const KEEP_URLS: UrlRewriter = { asset: () => null, post: () => null };
