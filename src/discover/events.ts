// What discovery reports while it runs, for progress output and for explaining a short result.

export type DiscoveryFeed = 'sitemap' | 'rss';

export type ListEndReason =
  /** The page links to no later page of the list. */
  | 'last-page'
  /** The page (or two in a row) showed no post the previous page did not. */
  | 'empty'
  /** The page answered with a non-2xx status. */
  | 'status'
  /** A redirect led back to a page already read. */
  | 'repeat'
  | 'max-pages'
  | 'error';

export type DiscoveryEvent =
  | { type: 'feed-read'; source: DiscoveryFeed; url: string; posts: number }
  | { type: 'feed-failed'; source: DiscoveryFeed; url: string; reason: string }
  | { type: 'list-page'; url: string; posts: number; newPosts: number }
  | { type: 'list-end'; url: string; reason: ListEndReason; pages: number; detail?: string }
  /**
   * After every page read (front page, sitemap, feed, list page): the pages read so far and the distinct
   * posts seen so far (see `discoveryTally`).
   */
  | { type: 'progress'; pagesRead: number; postsFound: number };

export type DiscoveryReporter = (event: DiscoveryEvent) => void;
