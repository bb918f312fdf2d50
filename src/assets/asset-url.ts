// Which URLs in a post are the author's own files, and how one file is recognised across URLs.

/** Query parameters of Tistory's signed `dna` URLs: they change with every page view and expire. */
const SIGNATURE_PARAMS = ['credential', 'expires', 'signature'];

/** Editor and platform images (`tistory_admin`, emoticons) are Tistory's, not the author's: kept remote. */
const PLATFORM_ASSET = /\/(?:tistory_admin|keditor\/emoticon)\//;

/** File links of the old editor and the CDN's upload paths. */
const FILE_URL = /^https?:\/\/(?:[^/]+\.)?(?:kakaocdn\.net\/dna?\/|daumcdn\.net\/cfile\/|[^/]*\.uf\.tistory\.com\/(?:attachment|original|image)\/)/i;

/**
 * One file's identity across runs: the URL without a signed URL's volatile query, so a re-run that
 * sees a freshly signed URL recognises the file it already has.
 */
export function assetKey(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (!SIGNATURE_PARAMS.some((name) => parsed.searchParams.has(name))) return url;
  for (const name of SIGNATURE_PARAMS) parsed.searchParams.delete(name);
  return parsed.href.replace(/\?$/, '');
}

export function isDownloadableUrl(url: string): boolean {
  return /^https?:\/\//i.test(url) && !PLATFORM_ASSET.test(url);
}

/** An anchor's target that is an uploaded file rather than a page: `?attach=1` or an upload path. */
export function isAttachmentUrl(url: string): boolean {
  if (!isDownloadableUrl(url)) return false;
  try {
    if (new URL(url).searchParams.get('attach') === '1') return true;
  } catch {
    return false;
  }
  return FILE_URL.test(url);
}

/** The `knm` parameter: the uploaded file's original name. */
export function knmOf(url: string): string | null {
  try {
    return new URL(url).searchParams.get('knm');
  } catch {
    return null;
  }
}
