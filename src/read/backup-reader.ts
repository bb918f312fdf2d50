import type { Backup, BackupFile } from '../backup/index.js';
import { backupPostUrl } from '../backup/backup-urls.js';
import type { BackupExtractJob } from '../backup/extract-backup-post.js';
import type { BackupPage } from '../backup/layout.js';
import type { DiscoveredPost } from '../types.js';
import type { AssetRef } from '../body/body-template.js';
import type { PageReader } from './page-reader.js';
import { bodyConverter, inThreadStages, type PureStages } from './pure-stages.js';

const IMAGE_FILE = /\.(?:png|jpe?g|gif|webp|avif|bmp|svg|heic)$/i;

/** The backup's posts as discovery would list them: every page, at the address it had on the blog. */
export function backupPosts(backup: Backup, blogOrigin: string): DiscoveredPost[] {
  return backup.pages.map((page) => ({
    url: backupPostUrl(page, blogOrigin),
    id: page.id,
    lastmod: null,
    sources: ['backup'],
  }));
}

/** Reads a post's page out of the backup (no network); its unused `img` files come along as extra assets. */
export function backupPageReader(backup: Backup, blogOrigin: string, stages: PureStages): PageReader {
  const pages = new Map<string, BackupPage>(backup.pages.map((page) => [backupPostUrl(page, blogOrigin), page]));
  return {
    async read(post, settings) {
      const page = pages.get(post.url);
      if (!page) return { kind: 'status', status: 404 };
      // In this thread the backup's own reader has every file at hand; only a worker needs the page's files sent.
      const extractor =
        stages === inThreadStages ? undefined : (job: BackupExtractJob) => stages.readBackup(job, settings);
      const read = await backup.read(page, bodyConverter(settings), extractor);
      return {
        kind: 'page',
        extraction: read.extraction,
        origins: [],
        url: post.url,
        statesAPost: true,
        extraAssets: read.files.filter((file) => !file.referenced).map(unusedFileRef),
        warnings: read.warnings,
      };
    },
  };
}

function unusedFileRef(file: BackupFile): AssetRef {
  return { url: file.url, kind: IMAGE_FILE.test(file.name) ? 'image' : 'attachment', hint: file.name };
}
