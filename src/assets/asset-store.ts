import { createHash } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import { errorMessage } from '../errors.js';
import type { Fetcher, PostAsset } from '../types.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { DiskFullError, writeFailure } from '../util/write-errors.js';
import { resolveInside } from '../util/safe-path.js';
import type { AssetRef } from '../body/body-template.js';
import { assetKey } from './asset-url.js';
import { storedFileName } from './file-name.js';
import { placeAsset } from './place-asset.js';
import { hashFile, spoolToTempFile } from './spool-file.js';
import { canStream, type StreamingFetcher } from './streaming-fetcher.js';

/** Every stored file lives here, relative to the output folder; formats link or point to it. */
const ASSETS_FOLDER = 'assets';

/** A file a previous run stored, as its manifest recorded it. */
export interface KnownAsset {
  file: string;
  sha256: string;
}

interface StoredFile {
  file: string;
  name: string;
  sha256: string;
  bytes: number;
}

/** Bytes on their way into the store: held in memory (a download), or already in a temp file on disk. */
interface Content {
  bytes: number;
  /** Puts the bytes at `path`, atomically. */
  writeTo(path: string): Promise<void>;
}

const ACCEPT = { image: 'image/avif,image/webp,image/png,image/*;q=0.9,*/*;q=0.5', attachment: '*/*' } as const;

/**
 * Downloads each image and attachment once per run and stores it under `<out>/assets/`, its bytes once
 * across the whole blog: a second name for the same bytes is a hard link where the disk allows. A URL
 * seen again, in this run or, through the previous manifest, in the last one (when the file is still
 * there with that hash), is not downloaded again.
 */
export class AssetStore {
  private readonly byKey = new Map<string, Promise<StoredFile>>();
  /** By stored name, which holds the content's hash: the same name is the same bytes. */
  private readonly byName = new Map<string, Promise<StoredFile>>();
  /** A file already holding these bytes, which a second name of them links to. */
  private readonly byHash = new Map<string, Promise<StoredFile>>();

  constructor(
    private readonly outDir: string,
    private readonly fetcher: Fetcher,
    /** By `assetKey` of the URL. */
    private readonly known: ReadonlyMap<string, KnownAsset> = new Map(),
    private readonly signal?: AbortSignal,
  ) {}

  /** Never throws for one file: a failure comes back as a remote asset with `error`. A full disk ends the run instead. */
  async store(ref: AssetRef): Promise<PostAsset> {
    const key = assetKey(ref.url);
    let stored = this.byKey.get(key);
    if (!stored) {
      stored = this.reuse(key)
        .catch(() => null)
        .then((reused) => reused ?? this.download(ref));
      this.byKey.set(key, stored);
    }
    try {
      const file = await stored;
      return { url: ref.url, kind: ref.kind, file: file.file, name: file.name, sha256: file.sha256, bytes: file.bytes };
    } catch (error) {
      // A later post may try again: its signed URL may be fresher, the host may be back.
      if (this.byKey.get(key) === stored) this.byKey.delete(key);
      if (error instanceof DiskFullError) throw error;
      return {
        url: ref.url,
        kind: ref.kind,
        file: null,
        name: null,
        sha256: null,
        bytes: null,
        error: errorMessage(error),
      };
    }
  }

  private async reuse(key: string): Promise<StoredFile | null> {
    const known = this.known.get(key);
    if (!known) return null;
    // Hashed a chunk at a time: a re-run over a backup of large photos must not read each one whole.
    const onDisk = await hashFile(resolveInside(this.outDir, known.file));
    if (!onDisk || onDisk.sha256 !== known.sha256) return null;
    const name = known.file.split('/').pop() ?? known.file;
    const stored = { file: known.file, name, sha256: known.sha256, bytes: onDisk.bytes };
    if (!this.byHash.has(known.sha256)) this.byHash.set(known.sha256, Promise.resolve(stored));
    if (!this.byName.has(name)) this.byName.set(name, Promise.resolve(stored));
    return stored;
  }

  private async download(ref: AssetRef): Promise<StoredFile> {
    if (canStream(this.fetcher)) return this.copyToDisk(ref, this.fetcher);
    const response = await this.fetcher.get(ref.url, { accept: ACCEPT[ref.kind], signal: this.signal });
    assertUsable(response, ref);
    const { body } = response;
    const hash = sha256(body);
    const content: Content = { bytes: body.length, writeTo: (path) => writeFileAtomic(path, body) };
    return this.claim(this.nameOf(ref, response.headers, body, body.length, hash), content, hash);
  }

  /** A file that may be larger than memory: streamed into a temp file beside the store, renamed into place. */
  private async copyToDisk(ref: AssetRef, fetcher: StreamingFetcher): Promise<StoredFile> {
    const response = await fetcher.getStream(ref.url, { accept: ACCEPT[ref.kind], signal: this.signal });
    try {
      assertUsable(response, ref);
    } catch (error) {
      response.body?.destroy();
      throw error;
    }
    if (!response.body) throw new Error(`HTTP ${response.status}`);
    const folder = resolveInside(this.outDir, ASSETS_FOLDER);
    await mkdir(folder, { recursive: true });
    const spooled = await spoolToTempFile(response.body, folder);
    try {
      const content: Content = {
        bytes: spooled.bytes,
        writeTo: (path) =>
          rename(spooled.temp, path).catch((error: unknown) => Promise.reject(writeFailure(error, path))),
      };
      return await this.claim(
        this.nameOf(ref, response.headers, spooled.head, spooled.bytes, spooled.sha256),
        content,
        spooled.sha256,
      );
    } finally {
      // Renamed into place, or not needed: the name or the bytes were already stored.
      await rm(spooled.temp, { force: true });
    }
  }

  /**
   * Named from this URL's own page and headers, never from whichever post with the same bytes came
   * first: a re-run, finishing in another order, names every file the same.
   */
  private nameOf(ref: AssetRef, headers: Record<string, string>, head: Uint8Array, size: number, hash: string): string {
    return storedFileName({
      hint: ref.hint,
      url: ref.url,
      contentType: headers['content-type'],
      contentDisposition: headers['content-disposition'],
      body: head,
      size,
      sha256: hash,
    });
  }

  private claim(name: string, content: Content, hash: string): Promise<StoredFile> {
    let stored = this.byName.get(name);
    if (!stored) {
      // Claimed before the first await, so two URLs with the same bytes finishing together write one file.
      stored = this.write(name, content, hash);
      this.byName.set(name, stored);
      stored.catch(() => this.byName.delete(name));
    }
    return stored;
  }

  private write(name: string, content: Content, hash: string): Promise<StoredFile> {
    const sameBytes = this.byHash.get(hash);
    const written = this.writeFile(name, content, hash, sameBytes);
    if (!sameBytes) {
      this.byHash.set(hash, written);
      written.catch(() => this.byHash.get(hash) === written && this.byHash.delete(hash));
    }
    return written;
  }

  private async writeFile(
    name: string,
    content: Content,
    hash: string,
    sameBytes: Promise<StoredFile> | undefined,
  ): Promise<StoredFile> {
    const file = `${ASSETS_FOLDER}/${name}`;
    const path = resolveInside(this.outDir, file);
    const existing = await hashFile(path);
    if (existing?.sha256 !== hash) {
      const source = await sameBytes?.catch(() => null);
      // The bytes are on disk under another name: a second name for them, not a second copy.
      if (source) await placeAsset(this.outDir, source.file, file).catch(() => content.writeTo(path));
      else await content.writeTo(path);
    }
    return { file, name, sha256: hash, bytes: content.bytes };
  }
}

function assertUsable(response: { status: number; headers: Record<string, string> }, ref: AssetRef): void {
  if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
  // A CDN error page served with 200 must not be stored as the image.
  const type = response.headers['content-type'] ?? '';
  if (ref.kind === 'image' && /^text\/html/i.test(type)) throw new Error(`not an image (${type})`);
}

function sha256(body: Uint8Array): string {
  return createHash('sha256').update(body).digest('hex');
}
