// The library API: what other tools import.
export { exportBlog } from './export.js';
export type { ExportOptions, ExportEvent, ExportResult } from './export.js';
export { extractPost } from './extract/index.js';
export { toMarkdown } from './convert/index.js';
export { discoverPosts, normalizePostUrl } from './discover/index.js';
export { createHttpClient } from './fetch/index.js';
export { OPTION_TABLE, type ExportSettings } from './options.js';
export type { Comment, CommentAuthor } from './comments/types.js';
export { FORMATS, type CommentsMode, type Format, type ImagesMode } from './names.js';
export { originalImageUrl } from './util/image-url.js';
export { slugify } from './util/slug.js';
export * from './types.js';
export { ExportInterrupted } from './pipeline/interrupted.js';
export { ExportDiskFull } from './pipeline/disk-full.js';
export { DiskFullError, FileWriteError } from './util/write-errors.js';
export type { ChangeReport, ChangedPost } from './state/changes.js';
