export { discoverPosts, type DiscoverOptions } from './discover-posts.js';
export { normalizePostUrl, postIdFromUrl } from './post-url.js';
export type { DiscoveryEvent, DiscoveryFeed, DiscoveryReporter, ListEndReason } from './events.js';
