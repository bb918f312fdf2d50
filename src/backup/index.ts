import { open, stat } from 'node:fs/promises';
import { decodeText } from '../fetch/charset.js';
import { errorMessage } from '../errors.js';
import type { Extraction, Fetcher } from '../types.js';
import type { BackupArchive } from './archive.js';
import { backupFetcher } from './backup-fetcher.js';
import { backupFileUrl, backupPostUrl } from './backup-urls.js';
import { baseName, groupByFolder, parentFolder } from './entry-path.js';
import { extractBackupPost, type BackupExtraction, type BackupExtractor } from './extract-backup-post.js';
import { serialiseBody, type BodyFinisher } from '../extract/index.js';
import { namesBackupFile, type ReferenceLookup } from './local-references.js';
import { openFolderArchive } from './folder-archive.js';
import { findPostPages, type BackupPage } from './layout.js';
import { openZipArchive } from './zip-archive.js';

export { BACKUP_ORIGIN, backupFileUrl, backupPathOfUrl } from './backup-urls.js';
export type { BackupPage } from './layout.js';

/** The same cap the exporter puts on one downloaded attachment. */
const DEFAULT_MAX_FILE_BYTES = 200 * 1024 * 1024;
/** A post page is text; anything bigger is not one. */
const MAX_PAGE_BYTES = 50 * 1024 * 1024;

interface BackupOptions {
  /** Where the blog lived (`https://name.tistory.com`): posts get their old URLs there, for redirects. */
  blogUrl?: string;
  /** Largest single file read out of the backup. */
  maxFileBytes?: number;
}

/** A file of the backup that belongs to one post. */
export interface BackupFile {
  /** Path inside the backup, e.g. `123/img/사진.png`. */
  path: string;
  /** The file's own name, e.g. `사진.png`. */
  name: string;
  /** What the post's body calls it (`backupFileUrl`); the backup's fetcher answers it. */
  url: string;
  bytes: number;
  /** False for a file of the post's `img` folder that its body never shows: kept so nothing is lost. */
  referenced: boolean;
  read(): Promise<Buffer>;
}

export interface BackupPost<Body = { bodyHtml: string }> {
  page: BackupPage;
  /** As `extractPost` returns it for a live page; `failed` (with the reason) when the page could not be read. */
  extraction: Extraction<Body>;
  files: BackupFile[];
  /** Problems that do not fail the post, e.g. an image the body shows that the backup lacks. */
  warnings: string[];
}

export interface Backup {
  /** The `.zip` or folder as given. */
  readonly source: string;
  readonly pages: readonly BackupPage[];
  /** Entry names refused because they would leave the backup (`../`, absolute paths). */
  readonly refusedEntries: readonly string[];
  /** One line per name the backup holds more than once (an NFD and an NFC spelling among them): only the last is read. */
  readonly duplicateEntries: readonly string[];
  /** Serves every `BackupFile.url`, refuses all other URLs (see `backupFetcher`). */
  readonly fetcher: Fetcher;
  /** One post at a time, in id order: only that post's page is held in memory, files are read on demand. */
  posts(): AsyncGenerator<BackupPost>;
  /**
   * One post, read when asked: what the export pipeline uses, in its own order. `finish` takes the body
   * (see `BodyFinisher`); `extractor` may run the whole extraction elsewhere, finishing the body the same way.
   */
  read<Body>(
    page: BackupPage,
    finish: BodyFinisher<Body>,
    extractor?: BackupExtractor<Body>,
  ): Promise<BackupPost<Body>>;
  close(): Promise<void>;
}

/** Opens Tistory's "데이터 백업" as a `.zip` or as the folder it unpacks to. */
export async function openBackup(source: string, options: BackupOptions = {}): Promise<Backup> {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const archive = (await stat(source)).isDirectory() ? await openFolderArchive(source) : await openZipArchive(source);
  const pages = findPostPages(archive.files.keys());
  const filesByFolder = groupByFolder(archive.files.keys());
  return {
    source,
    pages,
    refusedEntries: archive.refused,
    duplicateEntries: archive.duplicates,
    fetcher: backupFetcher(archive, maxFileBytes),
    async *posts() {
      for (const page of pages)
        yield await readPost(archive, filesByFolder, page, options.blogUrl, maxFileBytes, serialiseBody);
    },
    read: (page, finish, extractor) =>
      readPost(archive, filesByFolder, page, options.blogUrl, maxFileBytes, finish, extractor),
    close: () => archive.close(),
  };
}

/**
 * In this thread with the whole backup at hand, or by `extractor` with the page's nearby files only; a
 * page there that names a file elsewhere in the backup is extracted again here, so no image is lost.
 */
async function extractPage<Body>(
  html: string,
  page: BackupPage,
  postUrl: string,
  filesByFolder: ReadonlyMap<string, string[]>,
  lookup: ReferenceLookup,
  finish: BodyFinisher<Body>,
  extractor: BackupExtractor<Body> | undefined,
): Promise<BackupExtraction<Body>> {
  if (!extractor) return extractBackupPost(html, page, { postUrl, ...lookup }, finish);
  const folder = parentFolder(page.htmlPath);
  const files = [...(filesByFolder.get(folder) ?? []), ...(filesByFolder.get(folder ? `${folder}/img` : 'img') ?? [])];
  const extracted = await extractor({ html, page, postUrl, files });
  const namesFarFile = extracted.references.missing.some((reference) =>
    namesBackupFile(page.htmlPath, reference, lookup),
  );
  return namesFarFile ? extractBackupPost(html, page, { postUrl, ...lookup }, finish) : extracted;
}

/** True for a folder, or a file that starts like a zip: what the CLI should read as a backup, not a URL. */
export async function isBackupSource(source: string): Promise<boolean> {
  const info = await stat(source).catch(() => null);
  if (!info) return false;
  if (info.isDirectory()) return true;
  const handle = await open(source, 'r');
  try {
    const magic = Buffer.alloc(4);
    await handle.read(magic, 0, 4, 0);
    return magic.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) || magic.equals(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  } finally {
    await handle.close();
  }
}

async function readPost<Body>(
  archive: BackupArchive,
  filesByFolder: ReadonlyMap<string, string[]>,
  page: BackupPage,
  blogUrl: string | undefined,
  maxFileBytes: number,
  finish: BodyFinisher<Body>,
  extractor?: BackupExtractor<Body>,
): Promise<BackupPost<Body>> {
  const postUrl = backupPostUrl(page, blogUrl);
  let html: string;
  try {
    html = decodeText(await archive.read(page.htmlPath, MAX_PAGE_BYTES), undefined);
  } catch (error) {
    return {
      page,
      extraction: { status: 'failed', error: `${page.htmlPath}: ${errorMessage(error)}` },
      files: [],
      warnings: [],
    };
  }
  const lookup: ReferenceLookup = { hasFile: (path) => archive.files.has(path), urlOf: backupFileUrl };
  const { extraction, references } = await extractPage(html, page, postUrl, filesByFolder, lookup, finish, extractor);
  const fileOf = (path: string, referenced: boolean): BackupFile => ({
    path,
    name: baseName(path),
    url: backupFileUrl(path),
    bytes: archive.files.get(path) ?? 0,
    referenced,
    read: () => archive.read(path, maxFileBytes),
  });
  const postFolder = parentFolder(page.htmlPath);
  const imageFolder = postFolder ? `${postFolder}/img` : 'img';
  const unreferenced = (filesByFolder.get(imageFolder) ?? []).filter((path) => !references.found.includes(path)).sort();
  return {
    page,
    extraction,
    files: [...references.found.map((path) => fileOf(path, true)), ...unreferenced.map((path) => fileOf(path, false))],
    warnings: references.missing.map((reference) => `the body refers to ${reference}, which the backup does not have`),
  };
}
