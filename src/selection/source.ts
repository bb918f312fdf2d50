import { normalizePostUrl } from '../discover/post-url.js';
import { UsageError } from '../errors.js';
import { sourceListOf, type SourceList } from './source-list.js';
import { withDefaultScheme } from '../util/web-address.js';

interface ExportSource {
  /** Origin of the blog, e.g. `https://name.tistory.com`. */
  blogOrigin: string;
  /** Set when the user named one post: the normalised post URL. */
  postUrl: string | null;
  /** What a URL that is not one post names: the blog, a category's or a tag's list, another page. */
  list: SourceList;
}

/** `./x`, `../x`, `/x`, `~/x`, `C:\\x`: a path on this machine, never a web address. */
const LOCAL_PATH = /^(?:\.{1,2}[\\/]|[\\/]|~[\\/]|[a-z]:[\\/])/i;

/** A blog URL (or a category's or tag's list on it) or a single post URL; anything else is a usage error. */
export function parseSource(source: string): ExportSource {
  const trimmed = source.trim();
  // Reached only when no such file or folder exists: `./backup.zip` must not be read as a host named `.`.
  if (LOCAL_PATH.test(trimmed) || (!/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) && /\.zip$/i.test(trimmed))) {
    throw new UsageError(`no such file or folder: "${source}" (give a backup .zip or its folder, or a blog URL)`);
  }
  // `mailto:x@host` or `file:/x` would otherwise read as `https://mailto:x@host`; `host:8080` is a port.
  if (/^[a-z][a-z0-9+.-]*:(?!\/\/|\d+(?:[/?#]|$))/i.test(trimmed)) {
    throw new UsageError(`not a blog URL: "${source}" (use http:// or https://)`);
  }
  let url: URL;
  try {
    url = new URL(withDefaultScheme(trimmed));
  } catch {
    throw new UsageError(`not a blog URL: "${source}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`not a blog URL: "${source}" (use http:// or https://)`);
  }
  if (!url.hostname || (!url.hostname.includes('.') && url.hostname !== 'localhost') || url.username || url.password) {
    throw new UsageError(`not a blog URL: "${source}"`);
  }
  const postUrl = normalizePostUrl(url.href, url.origin);
  return { blogOrigin: url.origin, postUrl, list: postUrl === null ? sourceListOf(url.pathname) : { kind: 'blog' } };
}
