// Tistory serves the same image under several URLs; exports must point at the original.

const GENERIC_OG_IMAGE = /\/tistory_admin\/static\/images\/openGraph\//;

/**
 * The original behind a resizing-proxy URL (`img1.daumcdn.net/thumb/R1280x0/?fname=…`), found by its
 * `fname` parameter rather than by host name, since the proxy hosts vary. Other URLs come back as given.
 */
export function originalImageUrl(url: string): string {
  let current = url.trim();
  // A proxy URL can wrap another proxy URL; unwrap until no fname is left.
  for (let depth = 0; depth < 3; depth++) {
    let parsed: URL;
    try {
      parsed = new URL(current.startsWith('//') ? `https:${current}` : current);
    } catch {
      return current;
    }
    const fname = parsed.searchParams.get('fname');
    if (!fname || !/^(https?:)?\/\//i.test(fname)) return current;
    current = fname.startsWith('//') ? `https:${fname}` : fname;
  }
  return current;
}

/** True for Tistory's placeholder og:image, which a post without images gets: not a cover. */
export function isGenericOgImage(url: string): boolean {
  return GENERIC_OG_IMAGE.test(url);
}
