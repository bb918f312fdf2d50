// The URLs of WXR attachments: as the importer searches for them, where they can never be fetched, and
// when signed ones expire. Pure.

import type { PostAsset } from '../types.js';
import { kstDateTime } from './dates.js';

/**
 * The importer replaces each attachment URL in the content by plain string search, but an attribute
 * holds `&` as `&amp;`: signed CDN URLs (`?credential=…&expires=…`) would never match. HTML parsers
 * read a bare `&` before `name=` as text, so the URL is written as the importer will search for it.
 */
export function withRawAssetUrls(html: string, assets: readonly PostAsset[]): string {
  let out = html;
  for (const asset of assets) {
    if (asset.url.includes('&')) out = out.replaceAll(`"${asset.url.replace(/&/g, '&amp;')}"`, `"${asset.url}"`);
  }
  return out;
}

/** Attachments at signed CDN URLs (`?expires=<epoch seconds>`), and when the first of them stops working. */
export function expiringSignedUrls(urls: Iterable<string>): { count: number; firstExpiryMs: number } | null {
  let count = 0;
  let firstExpiryMs = Number.POSITIVE_INFINITY;
  for (const url of urls) {
    let expires: number;
    try {
      expires = Number(new URL(url).searchParams.get('expires') ?? Number.NaN);
    } catch {
      continue;
    }
    if (!Number.isFinite(expires) || expires <= 0) continue;
    count++;
    firstExpiryMs = Math.min(firstExpiryMs, expires * 1000);
  }
  return count === 0 ? null : { count, firstExpiryMs };
}

/**
 * WordPress downloads each attachment when the file is imported, maybe weeks after the export: a signed
 * URL that has expired by then is an image lost. Says when, and the way around it.
 */
export function expiringUrlsWarning(
  { count, firstExpiryMs }: { count: number; firstExpiryMs: number },
  nowMs: number,
): string {
  const day = kstDateTime(new Date(firstExpiryMs).toISOString())!.slice(0, 10);
  const attachments = count === 1 ? '1 attachment points' : `${count} attachments point`;
  const remedy = 'serve the output folder and run again with --files-url <its address>';
  return firstExpiryMs <= nowMs
    ? `wxr: ${attachments} at signed Tistory URLs that have expired (the first on ${day}, KST): WordPress cannot download them; ${remedy}`
    : `wxr: ${attachments} at signed Tistory URLs that stop working from ${day} (KST): import before then, or ${remedy}`;
}

/**
 * A `.invalid` host (RFC 2606) answers nobody, and a reference that is no address at all (a file the
 * backup lacks, kept as the post wrote it) names nothing to download: an attachment there would only be
 * an error in the importer's log.
 */
export function neverReachable(url: string): boolean {
  try {
    return new URL(url).hostname.endsWith('.invalid');
  } catch {
    return true;
  }
}

/** An attachment's title in WordPress: the file's own name, from its URL. */
export function attachmentTitle(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || 'file';
  } catch {
    return 'file';
  }
}

/** Private, loopback and link-local IPv4 ranges, and their IPv6 counterparts: WordPress calls them unsafe. */
const PRIVATE_HOST =
  /^(?:localhost|127\.|10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.|169\.254\.|\[(?:::1|f[cd][0-9a-f]*:|fe80:))/i;
const SAFE_PORTS = new Set(['', '80', '443', '8080']);

/**
 * WordPress's importer fetches attachments with `wp_safe_remote_get`, which refuses private addresses
 * and ports other than 80, 443 and 8080, unless the host is the WordPress site's own: what to tell a
 * user whose `--files-url` is one of those, before the import quietly loses every image.
 */
export function filesUrlCaveat(filesUrl: string): string | null {
  const { hostname, port } = new URL(filesUrl);
  const problems = [
    ...(PRIVATE_HOST.test(hostname) ? [`${hostname} is a private address`] : []),
    ...(SAFE_PORTS.has(port) ? [] : [`port ${port} is not 80, 443 or 8080`]),
  ];
  if (problems.length === 0) return null;
  return `--files-url: ${problems.join(' and ')}; WordPress's importer only downloads from such an address when it is the WordPress site's own (copy the output folder onto that server, or serve it on a public address)`;
}
