// A blog on a custom domain also answers as NAME.tistory.com, and its pages and feeds may use either
// name. Every page states both in `window.TistoryBlog` (and `T.config.DEFAULT_URL`).

const TISTORY_BLOG_OBJECT = /window\.TistoryBlog\s*=\s*\{([\s\S]*?)\}/;
const URL_PROPERTY = /["']?(?:url|tistoryUrl)["']?\s*:\s*["']([^"']+)["']/g;
const DEFAULT_URL = /["']DEFAULT_URL["']\s*:\s*["']([^"']+)["']/;

function originOf(value: string): string | null {
  try {
    const url = new URL(value.replace(/\\\//g, '/'));
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** The origins a page says its blog answers on. */
export function blogOriginsStatedIn(html: string): string[] {
  const values: string[] = [];
  const objectBody = TISTORY_BLOG_OBJECT.exec(html)?.[1];
  if (objectBody) for (const match of objectBody.matchAll(URL_PROPERTY)) values.push(match[1]!);
  const defaultUrl = DEFAULT_URL.exec(html)?.[1];
  if (defaultUrl) values.push(defaultUrl);
  const origins = values.map(originOf).filter((origin): origin is string => origin !== null);
  return [...new Set(origins)];
}
