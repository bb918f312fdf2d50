import { join } from 'node:path';
import type { ConvertedPost, PostAsset } from '../types.js';
import { resolveInside } from '../util/safe-path.js';
import { placeAsset } from '../assets/place-asset.js';
import { compareIds } from '../names.js';
import { utcIso } from './dates.js';
import { isDownloaded } from './document-target.js';
import {
  GHOST_LIMITS,
  clip,
  ghostHead,
  ghostId,
  ghostTail,
  type GhostPost,
  type GhostTag,
  type GhostUser,
} from './ghost-writer.js';
import { SiteInfo } from './site-info.js';
import { slugPath } from './site-paths.js';
import { PostSpool } from './spool.js';
import type { Target, TargetContext } from './target.js';
import { UniqueSlugs } from './unique-slugs.js';
import { postKindOf } from '../util/post-path.js';

const FOLDER = 'ghost';
const FILE = `${FOLDER}/ghost-import.json`;
const VIDEO = /\.(mp4|m4v|mov|webm|ogv|avi|wmv|mkv)$/i;
const NO_AUTHOR = '\u0000';
/**
 * Ghost has pages but no notices: a notice is a post tagged with the title of Tistory's notice list,
 * which (a notice having no category) is its primary tag, the label a theme shows.
 */
const NOTICE_TAG = '공지사항';

/**
 * `<out>/ghost/`: `ghost-import.json` and the files it refers to under `content/images|media|files/tistory/`,
 * the folders Ghost keeps them in. Zip the folder's contents and import the zip, and Ghost stores the
 * files and keeps the references. A post's category (its path, `개발/Python`) is its first, primary tag.
 * Static pages are Ghost pages (`type: "page"`).
 */
export function createGhostTarget({ outDir }: TargetContext): Target {
  const spool = new PostSpool(resolveInside(outDir, `${FOLDER}/.spool-${process.pid}`));
  const site = new SiteInfo();
  /** By Tistory post id, replaced when a post is written again; slugs and ids are settled when the run ends. */
  const postSlugs = new Map<string, string>();
  const postTagNames = new Map<string, string[]>();
  const postAuthor = new Map<string, string | null>();

  async function write(post: ConvertedPost): Promise<string[]> {
    site.observe(post.meta);
    const placed: string[] = [];
    const references = new Map<PostAsset, string>();
    for (const asset of post.assets) {
      if (!isDownloaded(asset)) continue;
      const path = `content/${contentFolder(asset)}/tistory/${asset.name}`;
      references.set(asset, `/${path}`);
      await placeAsset(outDir, asset.file, `${FOLDER}/${path}`);
      if (!placed.includes(`${FOLDER}/${path}`)) placed.push(`${FOLDER}/${path}`);
    }
    const rendered = post.render({
      asset: (asset) => references.get(asset) ?? null,
      post: (linked) => slugPath(linked.slug),
    });
    const id = ghostId('post', post.id);
    const published = utcIso(post.meta.published) ?? utcIso(post.meta.updated) ?? new Date(0).toISOString();
    const record: GhostPost = {
      id,
      title: clip(post.meta.title, GHOST_LIMITS.title),
      // Settled when the run ends (see `settle`).
      slug: '',
      html: rendered.html,
      feature_image: rendered.cover,
      custom_excerpt: post.meta.description ? clip(post.meta.description, GHOST_LIMITS.customExcerpt) : null,
      type: postKindOf(post.meta) === 'page' ? 'page' : 'post',
      status: 'published',
      visibility: 'public',
      created_at: published,
      updated_at: utcIso(post.meta.updated) ?? published,
      published_at: published,
      canonical_url: null,
    };
    const category = post.meta.categories.join('/');
    const notice = postKindOf(post.meta) === 'notice' ? [NOTICE_TAG] : [];
    postTagNames.set(post.id, [...(category ? [category] : []), ...notice, ...post.meta.tags]);
    postAuthor.set(post.id, post.meta.author);
    postSlugs.set(post.id, post.slug);
    await spool.put(post.id, JSON.stringify(record));
    return [FILE, ...placed];
  }

  /**
   * Slugs, tags and users, worked out in post-id order once all posts are known, so two names that
   * slugify alike get the same `-2` on every run however the posts happened to finish.
   */
  function settle(): { slugs: Map<string, string>; tail: string } {
    const postIds = [...postSlugs.keys()].sort(compareIds);
    const slugBook = new UniqueSlugs('post', GHOST_LIMITS.slug);
    const tagSlugs = new UniqueSlugs('tag', GHOST_LIMITS.slug);
    const tagNames = new Map<string, string>();
    const userSlugs = new UniqueSlugs('author', GHOST_LIMITS.slug);
    userSlugs.slugFor(NO_AUTHOR, 'tistory');
    const tagIdOf = (name: string): string => {
      const key = name.toLowerCase();
      const slug = tagSlugs.slugFor(key, name);
      if (!tagNames.has(key)) tagNames.set(key, clip(name, GHOST_LIMITS.tagName));
      return ghostId('tag', slug);
    };
    const slugs = new Map(postIds.map((postId) => [postId, slugBook.slugFor(postId, postSlugs.get(postId)!)]));
    const postTags = new Map(postIds.map((postId) => [postId, [...new Set(postTagNames.get(postId)!.map(tagIdOf))]]));
    const authorSlugs = new Map(
      postIds.map((postId) => {
        const author = postAuthor.get(postId) ?? null;
        return [postId, userSlugs.slugFor(author?.trim() || NO_AUTHOR, author ?? '')];
      }),
    );
    const tags: GhostTag[] = [...tagNames]
      .map(([key, name]) => {
        const slug = tagSlugs.slugFor(key);
        return { id: ghostId('tag', slug), name, slug };
      })
      .sort((a, b) => (a.slug < b.slug ? -1 : 1));
    const usedUsers = new Set(authorSlugs.values());
    const users: GhostUser[] = userSlugs
      .entries()
      .filter(([, slug]) => usedUsers.has(slug))
      .map(([name, slug], index) => ({
        id: ghostId('user', slug),
        name: clip(name === NO_AUTHOR ? site.title : name, GHOST_LIMITS.userName),
        slug,
        // Ghost matches users by email and requires one; a reserved domain never reaches anybody.
        email: `tistory-author-${index + 1}@example.com`,
      }));
    const tail = ghostTail({
      tags,
      postsTags: postIds.flatMap((postId) =>
        postTags
          .get(postId)!
          .map((tagId, order) => ({ post_id: ghostId('post', postId), tag_id: tagId, sort_order: order })),
      ),
      users,
      postsAuthors: postIds.map((postId) => ({
        post_id: ghostId('post', postId),
        author_id: ghostId('user', authorSlugs.get(postId)!),
        sort_order: 0,
      })),
    });
    return { slugs, tail };
  }

  return {
    format: 'ghost',
    writePost: write,
    rewritePost: write,
    async writeProtected() {
      return [];
    },
    async finish() {
      const { slugs, tail } = settle();
      await spool.assemble(join(outDir, FILE), {
        head: ghostHead(site.lastChangedMs),
        separator: ',\n',
        tail,
        render: (piece) => JSON.stringify({ ...(JSON.parse(piece.text) as GhostPost), slug: slugs.get(piece.id)! }),
      });
      return [FILE];
    },
    async abort() {
      await spool.remove();
    },
  };
}

function contentFolder(asset: PostAsset): 'images' | 'media' | 'files' {
  if (asset.kind === 'image') return 'images';
  return VIDEO.test(asset.name ?? '') ? 'media' : 'files';
}
