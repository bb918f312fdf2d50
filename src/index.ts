// The library API: what docs/library.md documents, and the types a caller names to use it. Everything
// else is internal and may change; tests/library/public-api.test.ts pins this list.
export { exportBlog, type ExportOptions } from './export.js';
export { extractMarkdown, extractPost } from './extract/index.js';
export { toMarkdown, type ToMarkdownOptions } from './convert/index.js';
export { discoverPosts, type DiscoverOptions } from './discover/discover-posts.js';
export type { DiscoveryEvent } from './discover/events.js';
export { UsageError } from './errors.js';
export { ExportInterrupted } from './run/interrupted.js';
export { ExportDiskFull } from './run/disk-full.js';
export type { AssetLayout, CommentsMode, Format, ImagesMode } from './names.js';
export type {
  BodyFoundBy,
  ChangedPost,
  ChangeReport,
  DiscoveredPost,
  ExportEvent,
  ExportResult,
  Extraction,
  Fetcher,
  FetchOptions,
  FetchResponse,
  Manifest,
  ManifestEntry,
  PostMeta,
  PostStatus,
} from './types.js';
