// What every discovery source receives and gives back.

import type { DiscoverySource, Fetcher } from '../types.js';
import type { DiscoveryReporter } from './events.js';

/** A link a source found, before it is recognised as a post and merged. */
export interface Candidate {
  href: string;
  /** The id when the source states it apart from the URL (an RSS guid). */
  id: string | null;
  lastmod: string | null;
  source: DiscoverySource;
}

export interface SourceContext {
  /** The origin post URLs are spelled on. */
  origin: string;
  /** The blog's other names, whose links count as its own. */
  sameBlogOrigins: readonly string[];
  fetcher: Fetcher;
  report: DiscoveryReporter;
  /** A page of a source was read, with these candidates on it: counted for the progress line. */
  pageRead(candidates: readonly Candidate[]): void;
}

/** What a source found; `read` is false when it could not be read at all. */
export interface SourceResult {
  read: boolean;
  candidates: Candidate[];
}
