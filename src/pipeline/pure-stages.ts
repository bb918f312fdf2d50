// The pipeline's pure, CPU-bound stages (extract a page, convert a body) as plain data in and out, so
// they run the same in this thread or in a worker thread (see `stage-pool.ts`).

import { runBackupExtractJob, type BackupExtractJob, type BackupExtraction } from '../backup/extract-backup-post.js';
import { fragmentToMarkdownAndHtml } from '../convert/index.js';
import { extractPost } from '../extract/index.js';
import type { Extraction } from '../types.js';
import type { ImagesMode } from '../names.js';
import { templateBody, type BodyTemplate } from './body-template.js';
import { postKeyOf, type BlogNames } from './post-registry.js';

export interface ConvertJob {
  bodyHtml: string;
  baseUrl: string;
  images: ImagesMode;
  /** How links to the blog's own posts are recognised: the registry's names when the job was made. */
  names: BlogNames;
}

/** The body with tokens for its URLs, as clean HTML and Markdown (see `templateBody`, `cleanBodyHtml`). */
export type ConvertedBody = Omit<BodyTemplate, 'fragment'> & { markdown: string };

export type StageTask =
  | { stage: 'extract'; html: string; url: string }
  | { stage: 'extractBackup'; job: BackupExtractJob }
  | { stage: 'convert'; job: ConvertJob };

/** Where the pure stages run. Both reject with the stage's own error when it throws. */
export interface PureStages {
  extract(html: string, url: string): Promise<Extraction>;
  /** A page of Tistory's own backup (see `BackupExtractor`). */
  extractBackup(job: BackupExtractJob): Promise<BackupExtraction>;
  convert(job: ConvertJob): Promise<ConvertedBody>;
  close(): Promise<void>;
}

export function convertBody(job: ConvertJob): ConvertedBody {
  const { fragment, ...template } = templateBody(job.bodyHtml, {
    baseUrl: job.baseUrl,
    images: job.images,
    postKeyOf: (url) => postKeyOf(url, job.names),
  });
  return { ...template, ...fragmentToMarkdownAndHtml(fragment, { baseUrl: job.baseUrl }) };
}

export function runStageTask(task: StageTask): Extraction | BackupExtraction | ConvertedBody {
  switch (task.stage) {
    case 'extract':
      return extractPost(task.html, task.url);
    case 'extractBackup':
      return runBackupExtractJob(task.job);
    case 'convert':
      return convertBody(task.job);
  }
}

/** The stages in the calling thread: small runs, and whatever a worker could not finish. */
export const inThreadStages: PureStages = {
  extract: async (html, url) => extractPost(html, url),
  extractBackup: async (job) => runBackupExtractJob(job),
  convert: async (job) => convertBody(job),
  close: async () => {},
};
