/**
 * The URL a request really goes to: `url` itself, or, when its host name is mapped, the mapped base URL
 * followed by the original path and query (`https://cdn.example/dn/a.png` → `http://127.0.0.2:9000/cdn.example/dn/a.png`).
 */
export function mappedUrl(url: URL, hostMap: Readonly<Record<string, string>> | undefined): URL {
  const base = hostMap?.[url.hostname];
  if (base === undefined) return url;
  return new URL(`${base.replace(/\/+$/, '')}${url.pathname}${url.search}`);
}
