// The pipeline's pure, CPU-bound stages as plain data in and out, so they run the same in this thread or
// in a worker thread (see `stage-pool.ts`). One stage reads a post's page: it is parsed once, the body is
// found in it, and converted where it lies, so no HTML is serialised to be parsed again.

import type { CheerioAPI } from 'cheerio';
import { runBackupExtractJob, type BackupExtractJob, type BackupExtraction } from '../backup/extract-backup-post.js';
import { fragmentToMarkdownAndHtml } from '../convert/index.js';
import { extractPage, type BodyFinisher } from '../extract/index.js';
import type { ImagesMode } from '../names.js';
import type { Extraction } from '../types.js';
import { templateBody, type AssetRef, type LinkRef } from '../body/body-template.js';
import { postKeyOf, type BlogNames } from '../body/post-registry.js';

/** How bodies are converted: what the run decided, and how links to the blog's own posts are recognised. */
export interface ConvertSettings {
  images: ImagesMode;
  /** The registry's names when the page was asked for (see `PostRegistry.blogNames`). */
  names: BlogNames;
}

/** The body with tokens for its URLs, as clean HTML and Markdown (see `templateBody`, `cleanBodyHtml`). */
export interface ConvertedBody {
  markdown: string;
  html: string;
  /** Token `asset:N` is `assets[N]`. */
  assets: AssetRef[];
  /** Token `link:N` is `links[N]`. */
  links: LinkRef[];
}

/** A page as the export reads it: an `ok` page carries its body converted. */
export type ReadPage = Extraction<{ body: ConvertedBody }>;
export type ReadBackupPage = BackupExtraction<{ body: ConvertedBody }>;

export type StageTask =
  | { stage: 'read'; html: string; url: string; settings: ConvertSettings }
  | { stage: 'readBackup'; job: BackupExtractJob; settings: ConvertSettings };

/** Where the pure stages run. Both reject with the stage's own error when it throws. */
export interface PureStages {
  read(html: string, url: string, settings: ConvertSettings): Promise<ReadPage>;
  /** A page of Tistory's own backup (see `BackupExtractor`). */
  readBackup(job: BackupExtractJob, settings: ConvertSettings): Promise<ReadBackupPage>;
  close(): Promise<void>;
}

/**
 * Converts a found body: its images, files and links to other posts get tokens, then it becomes Markdown and
 * clean HTML.
 */
export function bodyConverter(settings: ConvertSettings): BodyFinisher<{ body: ConvertedBody }> {
  const { names } = settings;
  return (fragment: CheerioAPI, meta) => {
    const { assets, links } = templateBody(fragment, {
      baseUrl: meta.url,
      images: settings.images,
      postKeyOf: (url) => postKeyOf(url, names),
    });
    return { body: { ...fragmentToMarkdownAndHtml(fragment, { baseUrl: meta.url }), assets, links } };
  };
}

/** `settings.names` already holds the addresses the page states (the page reader reads them once). */
export function readPage(html: string, url: string, settings: ConvertSettings): ReadPage {
  return extractPage(html, url, bodyConverter(settings));
}

export function runStageTask(task: StageTask): ReadPage | ReadBackupPage {
  switch (task.stage) {
    case 'read':
      return readPage(task.html, task.url, task.settings);
    case 'readBackup':
      return runBackupExtractJob(task.job, bodyConverter(task.settings));
  }
}

/** The stages in the calling thread: small runs, and whatever a worker could not finish. */
export const inThreadStages: PureStages = {
  read: async (html, url, settings) => readPage(html, url, settings),
  readBackup: async (job, settings) => runBackupExtractJob(job, bodyConverter(settings)),
  close: async () => {},
};
