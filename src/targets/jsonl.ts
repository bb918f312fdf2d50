import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import type { ConvertedPost, PostAsset, PostMeta, PostStatus } from '../types.js';
import { commentsField } from '../comments/render.js';
import { commentsToWrite } from './post-comments.js';
import type { Target, TargetContext } from './target.js';
import { postKindOf } from '../util/post-path.js';

const FILE_NAME = 'posts.jsonl';

/**
 * `<out>/posts.jsonl`: one object per post, streamed in the order posts finish so a large blog is
 * never held in memory. Lines go to a temp file that replaces the real one only when the run ends.
 * Asset URLs become paths relative to the output folder (where the file is); links to other posts keep
 * their Tistory URL, since a record has no location of its own (`id` and `url` let an importer map them).
 */
export function createJsonlTarget({ outDir, comments: commentsMode }: TargetContext): Target {
  const finalPath = join(outDir, FILE_NAME);
  const tempPath = `${finalPath}.${process.pid}.tmp`;
  // One promise, so posts finishing at the same moment share one stream instead of racing to open two.
  let opening: Promise<WriteStream> | null = null;
  // A disk error arrives as an event; keep it so the next write or the rename fails instead of the process.
  let streamError: Error | null = null;
  const openStream = () =>
    (opening ??= mkdir(outDir, { recursive: true }).then(() => {
      const stream = createWriteStream(tempPath, { encoding: 'utf8' });
      stream.on('error', (error) => {
        streamError ??= error;
      });
      return stream;
    }));

  async function append(record: Record<string, unknown>): Promise<void> {
    const stream = await openStream();
    if (streamError) throw streamError;
    if (!stream.write(`${JSON.stringify(record)}\n`)) await once(stream, 'drain');
  }

  async function closeStream(): Promise<void> {
    const stream = await openStream();
    if (!stream.closed) {
      const finished = once(stream, 'close');
      stream.end();
      await finished;
    }
    if (streamError) throw streamError;
  }

  return {
    format: 'jsonl',
    async writePost(post: ConvertedPost) {
      const rendered = post.render({ asset: (asset) => asset.file, post: () => null });
      const comments = commentsToWrite(post, commentsMode);
      await append({
        ...jsonlRecord(post.meta, post.id, 'ok', rendered.markdown, rendered.html),
        cover: rendered.cover,
        assets: post.assets.map(assetRecord),
        // Absent when not fetched, so a consumer never reads "no comments" into a failed request.
        ...(comments ? { comments: commentsField(comments) } : {}),
      });
      return [FILE_NAME];
    },
    async writeProtected(meta: PostMeta, id: string) {
      await append({ ...jsonlRecord(meta, id, 'protected', null, null), assets: [] });
      return [FILE_NAME];
    },
    async finish() {
      await closeStream();
      await rename(tempPath, finalPath);
      return [FILE_NAME];
    },
    async abort() {
      if (opening) await closeStream().catch(() => {});
      await rm(tempPath, { force: true });
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
