import { decodeUriComponentSafely } from '../util/decode-uri.js';

/**
 * Where a post lives on the new site when a platform's permalinks are set to `/<slug>/` (the files this
 * tool writes for Hugo, Jekyll, Hexo, WordPress and Ghost are), matching the default `--redirect-to`.
 */
export function slugPath(slug: string): string {
  return `/${slug}/`;
}

/**
 * A post's old Tistory URLs as site paths (`/123`, `/entry/글-제목`, `/m/123`), decoded, because static
 * site generators write alias pages under these names and web servers decode the request path.
 */
export function oldPaths(oldUrls: readonly string[]): string[] {
  const paths = oldUrls.map((url) => {
    try {
      return decodeUriComponentSafely(new URL(url).pathname);
    } catch {
      return null;
    }
  });
  return [...new Set(paths.filter((path): path is string => path !== null && path !== '/'))];
}
