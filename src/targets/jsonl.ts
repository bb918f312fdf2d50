import { join } from 'node:path';
import type { ConvertedPost, PostAsset, PostMeta, PostStatus } from '../types.js';
import { commentsField } from '../comments/render.js';
import { commentsToWrite } from './post-comments.js';
import type { Target, TargetContext } from './target.js';
import { PostSpool } from './spool.js';
import { resolveInside } from '../util/safe-path.js';
import { postKindOf } from '../util/post-path.js';

const FILE_NAME = 'posts.jsonl';

/**
 * `<out>/posts.jsonl`: one object per post, in post-id order. Each line is spooled to disk as its post
 * finishes, so a large blog is never held in memory, and the file is assembled (temp file, rename) when
 * the run ends: a nightly export kept in git shows only the posts that changed, never a reshuffle.
 * Asset URLs become paths relative to the output folder (where the file is); links to other posts keep
 * their Tistory URL, since a record has no location of its own (`id` and `url` let an importer map them).
 */
export function createJsonlTarget({ outDir, comments: commentsMode }: TargetContext): Target {
  const spool = new PostSpool(resolveInside(outDir, `.spool-jsonl-${process.pid}`));
  const spoolLine = (id: string, record: Record<string, unknown>) => spool.put(id, `${JSON.stringify(record)}\n`);

  return {
    format: 'jsonl',
    async writePost(post: ConvertedPost) {
      const rendered = post.render({ asset: (asset) => asset.file, post: () => null });
      const comments = commentsToWrite(post, commentsMode);
      await spoolLine(post.id, {
        ...jsonlRecord(post.meta, post.id, 'ok', rendered.markdown, rendered.html),
        cover: rendered.cover,
        assets: post.assets.map(assetRecord),
        // Absent when not fetched, so a consumer never reads "no comments" into a failed request.
        ...(comments ? { comments: commentsField(comments) } : {}),
      });
      return [FILE_NAME];
    },
    async writeProtected(meta: PostMeta, id: string) {
      await spoolLine(id, { ...jsonlRecord(meta, id, 'protected', null, null), assets: [] });
      return [FILE_NAME];
    },
    async finish() {
      await spool.assemble(join(outDir, FILE_NAME), { head: '', separator: '', tail: '' });
      return [FILE_NAME];
    },
    async abort() {
      await spool.remove();
    },
  };
}

function jsonlRecord(
  meta: PostMeta,
  id: string,
  status: PostStatus,
  markdown: string | null,
  html: string | null,
): Record<string, unknown> {
  return {
    id,
    url: meta.url,
    // On every record, posts too: a consumer reads a field, it does not infer one from its absence.
    type: postKindOf(meta),
    title: meta.title,
    published: meta.published,
    updated: meta.updated,
    categories: meta.categories,
    tags: meta.tags,
    author: meta.author,
    description: meta.description,
    cover: meta.cover,
    status,
    markdown,
    html,
  };
}

function assetRecord(asset: PostAsset): Record<string, unknown> {
  return { url: asset.url, kind: asset.kind, file: asset.file, sha256: asset.sha256, bytes: asset.bytes };
}
