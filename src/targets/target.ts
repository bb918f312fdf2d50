import type { AssetLayout, CommentsMode } from '../names.js';
import type { ConvertedPost, PostMeta } from '../types.js';
import type { WordPressPublisher } from '../publish/wordpress/publisher.js';

/** What every target is created with. */
export interface TargetContext {
  /** The output folder; a target writes under `<out>/<format>/` (or, for one-file formats, `<out>/<file>`). */
  outDir: string;
  /**
   * `shared`: posts point at the one assets folder (`<out>/assets/`, see `AssetStore`), or at the
   * platform's static folder. `bundle`: each post gets its own folder with its files beside it (Hugo's
   * page bundles); `placeAsset` links a stored file there without copying the bytes.
   */
  assetLayout: AssetLayout;
  /**
   * `--comments`: whether targets write the comments a post carries (`post.comments`), and where the
   * Markdown formats put them; absent or `off`, none are written, even those an earlier run saved.
   */
  comments?: CommentsMode;
  /** `--files-url`: where the output folder is served; WXR points at the stored files there (see `ExportSettings.filesUrl`). */
  filesUrl?: string | null;
  /** Something the user should know about the written files, which does not fail any post. */
  onWarning?: (message: string) => void;
  /** `-f wordpress`: the connected site that format publishes to. */
  wordpress?: WordPressPublisher;
}

/**
 * One output format. Targets receive posts as they stream out of the pipeline, one at a time and never
 * the whole blog, so a large blog is never held in memory.
 *
 * A post arrives as a `ConvertedPost`: its metadata, its slug, its `assets` (each with the original URL,
 * kind, and — when downloaded — the stored file under `<out>/assets/`, its name and sha256), its old
 * Tistory URLs (for redirects and `aliases`/`redirect_from`), and `render(rewriter)`. The target decides
 * where the post's file goes and passes a `UrlRewriter` that says, for that file:
 *  - `asset(asset)`: the path to use for an image or attachment (relative to the post's file, e.g.
 *    `../assets/x-1a2b3c4d.png`, or a bundle-local `x-1a2b3c4d.png` after `placeAsset`), or null to keep
 *    the remote URL (an asset whose download failed has `file: null`: return null for it);
 *  - `post(linked)`: how a link to another exported post is written (a relative file path, a site path,
 *    an Obsidian `[[wikilink]]` target…), or null to keep the old absolute URL.
 * `render` returns the Markdown, the clean HTML and the cover with those URLs filled in.
 *
 * Links to posts not exported yet: a post may link to one that is exported later in the same run. Such a
 * link keeps its old URL on the first write, and `post.pendingLinks` is true. When every post is known,
 * the pipeline calls `rewritePost` with the same post (its lookups now final) for each post whose
 * pending links now resolve; the target writes the same files again, atomically. A target that keeps
 * post links absolute (jsonl) leaves `rewritePost` out; a streaming target that cannot rewrite what it
 * already streamed may hold back posts with `pendingLinks` and write them in `rewritePost`.
 */
export interface Target {
  readonly format: string;
  /** Writes one exported post; returns the paths written, relative to the output folder. */
  writePost(post: ConvertedPost): Promise<string[]>;
  /** A protected post has metadata but no body; a target may record it or ignore it. */
  writeProtected(meta: PostMeta, id: string): Promise<string[]>;
  /** Writes a post again at the end of the run, now that the posts it links to are known (see above). */
  rewritePost?(post: ConvertedPost): Promise<string[]>;
  /** Completes files that span posts (feeds, indexes); returns the paths written. */
  finish(): Promise<string[]>;
  /** Drops any partial output after a fatal error. */
  abort(): Promise<void>;
}
