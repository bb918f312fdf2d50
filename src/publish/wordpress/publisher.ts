import type { ConvertedPost, PostAsset, PostMeta } from '../../types.js';
import type { WordPressClient } from './client.js';
import { publishComments } from './comments.js';
import { MediaLibrary, type UploadedMedia } from './media.js';
import {
  collectionOf,
  payloadHash,
  postPayload,
  statusFor,
  type PostPayload,
  type PostStatusChoice,
  type ProtectedStatusChoice,
} from './payload.js';
import type { PublishedPost, PublishState } from './state.js';
import { Terms } from './terms.js';
import { describeFailure, WordPressError, type RestErrorBody } from './wordpress-error.js';

export interface PublishChoices {
  status: PostStatusChoice;
  protectedStatus: ProtectedStatusChoice;
  /** `--comments` is on: the posts' comments are published too. */
  comments: boolean;
  /**
   * Other formats are written in the same run: a post the site refused is still exported, with a
   * warning, and the next run (which hands every kept post to the targets again) publishes it.
   */
  besideOtherFormats: boolean;
}

interface RestPost {
  id: number;
  link: string;
  date_gmt?: string;
  title?: { raw?: string; rendered?: string };
}

/** What became of one post. `pending`: it links to posts not on the site yet, and must be sent again once they are. */
export interface PublishOutcome {
  action: 'created' | 'updated' | 'unchanged' | 'skipped';
  pending: boolean;
}

/**
 * Publishes posts on one site: their files into the media library, their categories and tags, the post
 * (created, or updated in place when what would be sent changed), then their comments. Each new object is
 * recorded in the state as soon as it exists.
 */
export class WordPressPublisher {
  readonly #client: WordPressClient;
  readonly #state: PublishState;
  readonly #media: MediaLibrary;
  readonly #terms: Terms;
  readonly #choices: PublishChoices;
  readonly #onWarning: (message: string) => void;

  constructor(
    client: WordPressClient,
    state: PublishState,
    outDir: string,
    choices: PublishChoices,
    onWarning: (message: string) => void,
  ) {
    this.#client = client;
    this.#state = state;
    this.#media = new MediaLibrary(client, state, outDir);
    this.#terms = new Terms(client, state);
    this.#choices = choices;
    this.#onWarning = onWarning;
  }

  get besideOtherFormats(): boolean {
    return this.#choices.besideOtherFormats;
  }

  async publish(post: ConvertedPost): Promise<PublishOutcome> {
    const uploaded = await this.#uploadAll(post);
    const isPost = collectionOf(post.meta) === 'posts';
    const categoryIds = isPost ? await this.#terms.categoryIds(post.meta.categories) : [];
    const tagIds = isPost ? await this.#terms.tagIds(post.meta.tags) : [];
    let pending = false;
    const rendered = post.render({
      asset: (asset) => uploaded.get(asset.url)?.url ?? null,
      post: (linked) => {
        const target = this.#state.site.posts[linked.id];
        if (!target) pending = true;
        return target?.link ?? null;
      },
    });
    const featured = post.cover ? (uploaded.get(post.cover.url)?.id ?? null) : null;
    const payload = postPayload({
      meta: post.meta,
      slug: post.slug,
      html: rendered.html,
      status: statusFor('ok', this.#choices.status, this.#choices.protectedStatus)!,
      categoryIds,
      tagIds,
      featuredMediaId: featured,
      hasComments: this.#choices.comments && (post.comments?.length ?? 0) > 0,
    });
    const { action, published } = await this.#send(post.id, post.meta, payload);
    if (this.#choices.comments && post.comments && post.comments.length > 0) {
      await publishComments(this.#client, this.#state, published, post.comments, (message) =>
        this.#onWarning(`${post.meta.url}: ${message}`),
      );
    }
    return { action, pending };
  }

  /** A protected post: its title, dates and terms, under `--wp-protected`'s status (or not at all). */
  async publishProtected(meta: PostMeta, id: string): Promise<PublishOutcome> {
    const status = statusFor('protected', this.#choices.status, this.#choices.protectedStatus);
    if (status === null) return { action: 'skipped', pending: false };
    const isPost = collectionOf(meta) === 'posts';
    const payload = postPayload({
      meta,
      slug: `protected-${id}`,
      html: '',
      status,
      categoryIds: isPost ? await this.#terms.categoryIds(meta.categories) : [],
      tagIds: isPost ? await this.#terms.tagIds(meta.tags) : [],
      featuredMediaId: null,
    });
    const { action } = await this.#send(id, meta, payload);
    return { action, pending: false };
  }

  async #uploadAll(post: ConvertedPost): Promise<Map<string, UploadedMedia>> {
    const uploaded = new Map<string, UploadedMedia>();
    for (const asset of post.assets) {
      const media = await this.#uploadOne(post, asset);
      if (media) uploaded.set(asset.url, media);
    }
    return uploaded;
  }

  async #uploadOne(post: ConvertedPost, asset: PostAsset): Promise<UploadedMedia | null> {
    try {
      return (await this.#media.upload(asset)) ?? null;
    } catch (error) {
      // A type the site does not take (a .hwp attachment): the post keeps the file's original address.
      if (error instanceof WordPressError && error.code === 'rest_upload_sideload_error') {
        this.#onWarning(
          `${post.meta.url}: ${asset.name ?? asset.url} was not uploaded and keeps its original address (${error.message})`,
        );
        return null;
      }
      throw error;
    }
  }

  async #send(
    id: string,
    meta: PostMeta,
    payload: PostPayload,
  ): Promise<{ action: PublishOutcome['action']; published: PublishedPost }> {
    const collection = collectionOf(meta);
    const hash = payloadHash(payload);
    const known = this.#state.site.posts[id];
    if (known && known.hash === hash) return { action: 'unchanged', published: known };
    // An update never takes a post back to draft: someone may have published it on the site since.
    const { status, ...withoutStatus } = payload;
    const update = status === 'publish' ? payload : withoutStatus;
    if (known) {
      const response = await this.#client.send<RestPost>(`/wp/v2/${known.type}/${known.id}`, {
        method: 'POST',
        json: update,
      });
      if (response.status === 200)
        return { action: 'updated', published: await this.#record(id, known.type, response.body, hash, known) };
      // Deleted on the site since (404, or 410 from the trash): made again below.
      if (response.status !== 404 && response.status !== 410) {
        throw describeFailure(
          this.#client.siteUrl,
          `POST /wp/v2/${known.type}/${known.id}`,
          response.status,
          response.body as RestErrorBody,
        );
      }
    }
    const earlier = await this.#findEarlier(collection, payload);
    if (earlier) {
      const updated = await this.#client.call<RestPost>(`/wp/v2/${collection}/${earlier.id}`, {
        method: 'POST',
        json: update,
      });
      return { action: 'updated', published: await this.#record(id, collection, updated, hash, null) };
    }
    const created = await this.#client.call<RestPost>(`/wp/v2/${collection}`, { method: 'POST', json: payload });
    return { action: 'created', published: await this.#record(id, collection, created, hash, null) };
  }

  /**
   * The post a killed run created and did not record: same slug, title and date. Found, it is updated
   * rather than made twice.
   */
  async #findEarlier(collection: 'posts' | 'pages', payload: PostPayload): Promise<RestPost | null> {
    const candidates = await this.#client.call<RestPost[]>(`/wp/v2/${collection}`, {
      query: {
        slug: payload.slug,
        status: 'publish,future,draft,pending,private',
        context: 'edit',
        _fields: 'id,link,date_gmt,title',
      },
    });
    return (
      candidates.find(
        (item) =>
          item.title?.raw === payload.title && (payload.date_gmt === undefined || item.date_gmt === payload.date_gmt),
      ) ?? null
    );
  }

  async #record(
    id: string,
    type: 'posts' | 'pages',
    body: RestPost,
    hash: string,
    known: PublishedPost | null,
  ): Promise<PublishedPost> {
    const published: PublishedPost = { id: body.id, type, link: body.link, hash, comments: known?.comments ?? {} };
    this.#state.site.posts[id] = published;
    await this.#state.save();
    return published;
  }
}
