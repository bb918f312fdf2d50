import pLimit from 'p-limit';
import { errorMessage } from '../errors.js';
import { exportBlog, type ExportOptions } from '../export.js';
import { HostLimiters } from '../fetch/host-limiter.js';
import { ExportInterrupted } from '../run/interrupted.js';
import { outcomeOfResult, type BlogOutcome } from './blog-outcome.js';
import type { BatchBlog, BatchConfig } from './read-config.js';

export const DEFAULT_PARALLEL = 3;

export interface BatchRunOptions {
  /** Blogs exported at once. */
  parallel?: number;
  /** Stops every blog's run as Ctrl-C stops one: what is saved stays saved, and the next batch resumes. */
  signal?: AbortSignal;
  /** Tests and the demo only (see `ExportOptions.hostMap`). */
  hostMap?: ExportOptions['hostMap'];
  onBlogStart?: (blog: BatchBlog) => void;
  onBlogEnd?: (outcome: BlogOutcome) => void;
}

export interface BatchReport {
  startedAt: string;
  elapsedMs: number;
  /** In the config's order, whatever order they finished in. */
  blogs: BlogOutcome[];
  /** True when the signal stopped the batch before every blog was done. */
  interrupted: boolean;
}

/**
 * Exports the config's blogs, `parallel` at a time, each through `exportBlog`: the same polite limits per
 * blog host, the same incremental and resumable run into its own folder. The image and file hosts all
 * blogs use (Tistory's CDN) get one budget for the whole batch. A blog that fails is reported, never stops
 * the others.
 */
export async function runBatch(
  config: Pick<BatchConfig, 'blogs' | 'assetLimits'>,
  options: BatchRunOptions = {},
): Promise<BatchReport> {
  const started = Date.now();
  const limit = pLimit(options.parallel ?? DEFAULT_PARALLEL);
  const assetLimits = new HostLimiters(config.assetLimits.concurrency, config.assetLimits.rate);
  const blogs = await Promise.all(config.blogs.map((blog) => limit(() => runOneBlog(blog, assetLimits, options))));
  return {
    startedAt: new Date(started).toISOString(),
    elapsedMs: Date.now() - started,
    blogs,
    interrupted: options.signal?.aborted ?? false,
  };
}

async function runOneBlog(
  blog: BatchBlog,
  assetLimits: HostLimiters,
  { signal, hostMap, onBlogStart, onBlogEnd }: BatchRunOptions,
): Promise<BlogOutcome> {
  const started = Date.now();
  const base = { name: blog.name, source: blog.sourceAsWritten, out: blog.options.out };
  let outcome: BlogOutcome;
  if (signal?.aborted) {
    outcome = {
      ...base,
      status: 'failed',
      error: 'not started: the batch was interrupted',
      elapsedMs: 0,
      posts: null,
      changes: null,
    };
  } else {
    onBlogStart?.(blog);
    try {
      const result = await exportBlog({
        ...blog.options,
        source: blog.source,
        assetLimits,
        ...(hostMap ? { hostMap } : {}),
        ...(signal ? { signal } : {}),
      });
      outcome = { ...base, ...outcomeOfResult(result), elapsedMs: Date.now() - started };
    } catch (error) {
      const message =
        error instanceof ExportInterrupted
          ? 'interrupted: run the batch again to resume (saved posts are not fetched again)'
          : errorMessage(error);
      outcome = {
        ...base,
        status: 'failed',
        error: message,
        elapsedMs: Date.now() - started,
        posts: null,
        changes: null,
      };
    }
  }
  onBlogEnd?.(outcome);
  return outcome;
}
