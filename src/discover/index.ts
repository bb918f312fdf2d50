export { discoverPosts, type DiscoverOptions } from './discover-posts.js';
export { normalizePostUrl, postIdFromUrl } from './post-url.js';
export type { DiscoveryEvent, DiscoveryFeed, ListEndReason } from './events.js';
