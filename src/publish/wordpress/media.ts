import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { PostAsset } from '../../types.js';
import type { WordPressClient } from './client.js';
import { mediaSlug } from './payload.js';
import type { PublishState } from './state.js';
import { tooLarge, WordPressError } from './wordpress-error.js';

interface RestMedia {
  id: number;
  source_url: string;
}

const TYPE_BY_EXTENSION: Readonly<Record<string, string>> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.bmp': 'image/bmp',
  '.svg': 'image/svg+xml',
  '.avif': 'image/avif',
  '.heic': 'image/heic',
  '.mp4': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.txt': 'text/plain',
};

export interface UploadedMedia {
  id: number;
  url: string;
}

/**
 * The media library as the tool fills it: each stored file (by its sha256) uploaded once, in this run or
 * an earlier one, whichever posts show it. An upload is found again by its slug, made from the hash, so
 * a run killed between the upload and the state write does not upload the file twice.
 */
export class MediaLibrary {
  readonly #client: WordPressClient;
  readonly #state: PublishState;
  readonly #outDir: string;
  readonly #inFlight = new Map<string, Promise<UploadedMedia>>();

  constructor(client: WordPressClient, state: PublishState, outDir: string) {
    this.#client = client;
    this.#state = state;
    this.#outDir = outDir;
  }

  /** Null for a file that stayed remote (not downloaded): the body keeps its original address. */
  upload(asset: PostAsset): Promise<UploadedMedia> | null {
    const { file, sha256 } = asset;
    if (file === null || sha256 === null) return null;
    const known = this.#state.site.media[sha256];
    if (known) return Promise.resolve(known);
    let pending = this.#inFlight.get(sha256);
    if (!pending) {
      pending = this.#uploadOnce(file, sha256, asset.name ?? file).finally(() => this.#inFlight.delete(sha256));
      this.#inFlight.set(sha256, pending);
    }
    return pending;
  }

  async #uploadOnce(file: string, sha256: string, name: string): Promise<UploadedMedia> {
    const slug = mediaSlug(sha256);
    const earlier = await this.#client.call<RestMedia[]>('/wp/v2/media', { query: { slug, _fields: 'id,source_url' } });
    const media = earlier[0] ?? (await this.#send(file, slug, name));
    const uploaded = { id: media.id, url: media.source_url };
    this.#state.site.media[sha256] = uploaded;
    await this.#state.save();
    return uploaded;
  }

  async #send(file: string, slug: string, name: string): Promise<RestMedia> {
    const bytes = await readFile(join(this.#outDir, file));
    try {
      return await this.#client.call<RestMedia>('/wp/v2/media', {
        method: 'POST',
        query: { slug, title: name.replace(/\.[^.]+$/, '') },
        file: {
          bytes,
          name: uploadName(name, slug),
          type: TYPE_BY_EXTENSION[extname(name).toLowerCase()] ?? 'application/octet-stream',
        },
      });
    } catch (error) {
      // Which file, and how large: what the user needs to pick the new limit.
      if (error instanceof WordPressError && error.tooLarge)
        throw tooLarge(this.#client.siteUrl, error, `${name}, ${bytes.length} bytes`);
      throw error;
    }
  }
}

/** The file name sent: the stored one when it is plain ASCII, else the slug with the stored extension (the title keeps the real name). */
export function uploadName(name: string, slug: string): string {
  if (/^[\w.-]+$/.test(name)) return name;
  const extension = extname(name).toLowerCase();
  return `${slug}${/^\.[a-z0-9]+$/.test(extension) ? extension : ''}`;
}
