import { join } from 'node:path';
import type { ConvertedPost, PostAsset } from '../types.js';
import { resolveInside } from '../util/safe-path.js';
import { kstDateTime, rfc822, utcDateTime } from './dates.js';
import { SiteInfo } from './site-info.js';
import { slugPath } from './site-paths.js';
import { PostSpool } from './spool.js';
import { commentsWxr } from '../comments/render.js';
import { commentsToWrite } from './post-comments.js';
import type { Target, TargetContext } from './target.js';
import { WXR_TAIL, wxrAttachmentItem, wxrHead, wxrPostItem, type WxrDates, type WxrPost } from './wxr-writer.js';
import { settleWxr, type PostSummary, type Settled } from './wxr-settle.js';
import { attachmentTitle, expiringSignedUrls, expiringUrlsWarning, withRawAssetUrls } from './wxr-urls.js';
import { postKindOf } from '../util/post-path.js';

const FOLDER = 'wxr';
const FILE = `${FOLDER}/wordpress.xml`;
/** What a secret comment says in WordPress, where it waits for moderation without its text. */
const SECRET_COMMENT = '비밀 댓글입니다.';

/** A post's item as spooled: everything but what depends on the other posts (ids, slugs, logins). */
interface SpooledPost {
  post: Omit<WxrPost, 'id' | 'creator' | 'terms' | 'thumbnailId'>;
  assets: { url: string; title: string }[];
}

/**
 * `<out>/wxr/wordpress.xml`: one WXR 1.2 file. Images and files are attachment items whose
 * `wp:attachment_url` is also what the body says: the importer downloads each one and replaces that URL
 * in every post. It is the original Tistory URL, or with `--files-url` the stored copy's address there.
 * Links between posts become `/<slug>/` (WordPress's "Post name" permalinks). Items are spooled to disk
 * and the file is assembled in post-id order when the run ends, after the authors, categories and tags
 * it must list first are all known.
 */
export function createWxrTarget({
  outDir,
  comments: commentsMode,
  filesUrl = null,
  onWarning = () => {},
}: TargetContext): Target {
  /**
   * Where the importer downloads a file from: the stored copy under `--files-url` (a backup's files have no
   * other address; Tistory's CDN may be gone by the time of the import), else the original URL.
   */
  const storedCopyUrl = (asset: PostAsset): string | null =>
    filesUrl !== null && asset.file !== null ? new URL(encodeURI(asset.file), filesUrl).href : null;
  const publishedUrl = (asset: PostAsset): string => storedCopyUrl(asset) ?? asset.url;
  const spool = new PostSpool(resolveInside(outDir, `${FOLDER}/.spool-${process.pid}`));
  const site = new SiteInfo();
  /** By post id; replaced when a post is written again. */
  const summaries = new Map<string, PostSummary>();

  async function write(post: ConvertedPost): Promise<string[]> {
    site.observe(post.meta);
    summaries.set(post.id, {
      author: post.meta.author,
      categories: post.meta.categories,
      kind: postKindOf(post.meta),
      tags: post.meta.tags,
      assetUrls: post.assets.map(publishedUrl),
      coverUrl: post.cover ? publishedUrl(post.cover) : null,
    });
    const rendered = post.render({
      asset: storedCopyUrl,
      post: (linked) => slugPath(linked.slug),
    });
    const comments = commentsToWrite(post, commentsMode);
    const spooled: SpooledPost = {
      post: {
        title: post.meta.title,
        link: post.meta.url,
        html: withRawAssetUrls(rendered.html, post.assets),
        excerpt: post.meta.description ?? '',
        slug: post.slug,
        dates: wxrDates(post.meta.published, post.meta.updated),
        type: postKindOf(post.meta) === 'page' ? 'page' : 'post',
        comments: comments ? commentsWxr(comments, { secretLabel: SECRET_COMMENT }) : '',
      },
      assets: post.assets.map((asset) => ({
        url: publishedUrl(asset),
        title: asset.name ?? attachmentTitle(asset.url),
      })),
    };
    await spool.put(post.id, JSON.stringify(spooled));
    return [FILE];
  }

  function renderItem(id: string, text: string, settled: Settled): string {
    const { post, assets } = JSON.parse(text) as SpooledPost;
    const summary = summaries.get(id)!;
    const numericId = settled.postIds.get(id)!;
    const creator = settled.logins.get(id)!;
    const item = wxrPostItem({
      ...post,
      id: numericId,
      creator,
      terms: settled.terms.get(id)!,
      thumbnailId: summary.coverUrl === null ? null : (settled.attachments.get(summary.coverUrl)?.id ?? null),
    });
    // Listed by the post that owns the file, once, at the place it first shows it.
    const attachmentItems = assets.flatMap((asset, index) => {
      const attachment = settled.attachments.get(asset.url);
      if (attachment?.owner !== id || attachment.index !== index) return [];
      return [
        wxrAttachmentItem({
          id: attachment.id,
          parent: numericId,
          title: asset.title,
          slug: `${post.slug}-${attachment.index + 1}`,
          url: asset.url,
          creator,
          dates: post.dates,
        }),
      ];
    });
    return item + attachmentItems.join('');
  }

  return {
    format: 'wxr',
    writePost: write,
    rewritePost: write,
    async writeProtected() {
      return [];
    },
    async finish() {
      const { settled, head } = settleWxr(summaries, site.title);
      const expiring = expiringSignedUrls(settled.attachments.keys());
      await spool.assemble(join(outDir, FILE), {
        head: wxrHead({
          title: site.title,
          baseUrl: site.origin,
          description: `${site.title} (Tistory)`,
          pubDate: new Date(site.lastChangedMs).toUTCString(),
          ...head,
        }),
        separator: '',
        tail: WXR_TAIL,
        render: (piece) => renderItem(piece.id, piece.text, settled),
      });
      if (expiring) onWarning(expiringUrlsWarning(expiring, Date.now()));
      return [FILE];
    },
    async abort() {
      await spool.remove();
    },
  };
}

function wxrDates(published: string | null, updated: string | null): WxrDates {
  const modified = updated ?? published;
  return {
    local: kstDateTime(published) ?? '',
    gmt: utcDateTime(published) ?? '',
    modifiedLocal: kstDateTime(modified) ?? '',
    modifiedGmt: utcDateTime(modified) ?? '',
    rfc822: rfc822(published) ?? '',
  };
}
