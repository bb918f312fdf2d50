import type { CheerioAPI } from 'cheerio';
import { parseSkinDate } from '../extract/dates.js';
import { findBody } from '../extract/find-body.js';
import { detachBody, serialiseBody, type BodyFinisher } from '../extract/index.js';
import { loadPage } from '../extract/load-page.js';
import { splitCategoryPath } from '../extract/metadata.js';
import type { Extraction, PostMeta } from '../types.js';
import type { BackupPage } from './layout.js';
import { backupFileUrl } from './backup-urls.js';
import { rewriteLocalReferences, type LocalReferences, type ReferenceLookup } from './local-references.js';
import { selectAll } from '../util/select.js';

/** The backup's page skeleton (Book Club-like), from the anatomy. */
const BACKUP_PAGE = { title: 'h2.title-article', category: 'p.category', date: 'p.date', tags: 'div.tags' } as const;

/** A label a tag box may print before its tags. */
const TAG_LABEL = /^\s*(?:tags?|태그)\s*:?(?=\s|#|$)/i;

export interface BackupExtraction<Body = { bodyHtml: string }> {
  extraction: Extraction<Body>;
  /** Files of the backup the body shows or links to, and relative references to files it lacks. */
  references: LocalReferences;
}

interface BackupExtractOptions extends ReferenceLookup {
  /** The post's address (see `backupPostUrl`). */
  postUrl: string;
}

/**
 * `extractBackupPost` as plain data, for a worker thread: the backup's files the page is likely to name
 * (its own folder and its `img/`) stand in for the whole backup; see `BackupExtractor`.
 */
export interface BackupExtractJob {
  html: string;
  page: BackupPage;
  postUrl: string;
  files: string[];
}

/** Where a backup page is extracted: in this thread when absent, else by the caller's (a worker pool). */
export type BackupExtractor<Body> = (job: BackupExtractJob) => Promise<BackupExtraction<Body>>;

export function runBackupExtractJob<Body>(job: BackupExtractJob, finish: BodyFinisher<Body>): BackupExtraction<Body> {
  const files = new Set(job.files);
  return extractBackupPost(
    job.html,
    job.page,
    { postUrl: job.postUrl, hasFile: (path) => files.has(path), urlOf: backupFileUrl },
    finish,
  );
}

/**
 * One backup page → the same result `extractPost` gives for a live page, with the body's local files
 * pointed at their backup URLs. Pure. The backup has no head metadata and no protection flags: every
 * post with a body is `ok`; author, description and updated date are unknown (null).
 */
export function extractBackupPost<Body = { bodyHtml: string }>(
  html: string,
  page: BackupPage,
  options: BackupExtractOptions,
  finish: BodyFinisher<Body> = serialiseBody as BodyFinisher<never>,
): BackupExtraction<Body> {
  const $ = loadPage(html);
  const meta = readBackupMeta($, page, options.postUrl);
  const body = findBody($);
  if (!body.found) {
    return {
      extraction: { status: 'failed', error: `backup page: ${body.error}`, meta },
      references: { found: [], missing: [] },
    };
  }
  const references = rewriteLocalReferences(body.node, page.htmlPath, options);
  const firstImage = body.node
    .find('img[src]')
    .toArray()
    .map((element) => $(element).attr('src') ?? '');
  const cover = firstImage.find((src) => references.found.some((path) => options.urlOf(path) === src)) ?? null;
  const withCover = { ...meta, cover };
  return {
    extraction: {
      status: 'ok',
      meta: withCover,
      skin: 'backup',
      bodyFoundBy: body.foundBy,
      ...finish(detachBody(body.node.toArray()), withCover),
    },
    references,
  };
}

function readBackupMeta($: CheerioAPI, page: BackupPage, url: string): PostMeta {
  const text = (selector: string) => $(selector).first().text().replace(/\s+/g, ' ').trim();
  return {
    id: page.id,
    url,
    title: text(BACKUP_PAGE.title) || text('title') || page.slug || page.id || '',
    published: parseSkinDate(text(BACKUP_PAGE.date))?.iso ?? null,
    updated: null,
    categories: splitCategoryPath(text(BACKUP_PAGE.category)),
    tags: readTags($),
    author: null,
    description: null,
    cover: null,
    blogName: null,
  };
}

/** `div.tags` holds links, or plain text such as `#파이썬 #venv` or `파이썬, venv` (the markup is unverified). */
function readTags($: CheerioAPI): string[] {
  const box = selectAll($, BACKUP_PAGE.tags).first();
  if (box.length === 0) return [];
  const links = box
    .find('a')
    .map((_, element) => $(element).text())
    .get();
  const parts =
    links.length > 0
      ? links
      : box
          .text()
          .replace(TAG_LABEL, '')
          .split(/,|(?:^|\s)#/);
  const tags = parts.map((part) => part.replace(/\s+/g, ' ').trim().replace(/^#/, '').trim()).filter(Boolean);
  return [...new Set(tags)];
}
