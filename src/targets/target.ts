import type { ConvertedPost, PostMeta } from '../types.js';

/** One output format. Targets receive posts as they stream out of the pipeline. */
export interface Target {
  readonly format: string;
  /** Writes one exported post; returns the paths written, relative to the output folder. */
  writePost(post: ConvertedPost): Promise<string[]>;
  /** A protected post has metadata but no body; a target may record it or ignore it. */
  writeProtected(meta: PostMeta, id: string): Promise<string[]>;
  /** Completes files that span posts (feeds, indexes); returns the paths written. */
  finish(): Promise<string[]>;
  /** Drops any partial output after a fatal error. */
  abort(): Promise<void>;
}
