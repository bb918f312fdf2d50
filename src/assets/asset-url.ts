// Which URLs in a post are the author's own files, and how one file is recognised across URLs.

/** Query parameters of Tistory's signed `dna` URLs: they change with every page view and expire. */
const SIGNATURE_PARAMS = ['credential', 'expires', 'signature'];
const SIGNED_QUERY = new RegExp(`[?&](?:${SIGNATURE_PARAMS.join('|')})=`, 'i');

/**
 * Tistory's own interface images (`tistory_admin`: placeholders, buttons) are not part of any post: kept
 * remote. Kakao emoticons (`keditor/emoticon`) are not in this list: the author put them in the post, and
 * they vanish with the CDN like any other image.
 */
const PLATFORM_ASSET = /\/tistory_admin\//;

/** File links of the old editor and the CDN's upload paths. */
const FILE_URL =
  /^https?:\/\/(?:[^/]+\.)?(?:kakaocdn\.net\/dna?\/|daumcdn\.net\/cfile\/|[^/]*\.uf\.tistory\.com\/(?:attachment|original|image)\/)/i;

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

/**
 * A file's URL as the terminal shows it: without query or fragment. A signed URL's query is a credential
 * that works for a month, and a log is no place for it; the manifest keeps the whole URL.
 */
export function printableUrl(url: string): string {
  return url.replace(/[?#][\s\S]*$/, '');
}

/** `text` (an error message, a progress line) with the query of every signed URL in it taken out. */
export function withoutSignedQueries(text: string): string {
  // Punctuation ending the sentence is not part of the query.
  return text.replace(/\?[^\s"'<>()]*?(?=[.,;:!]*(?:[\s"'<>()]|$))/g, (query) =>
    SIGNED_QUERY.test(query) ? '' : query,
  );
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
