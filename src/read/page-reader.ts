import { decodeBody } from '../fetch/charset.js';
import { blogOriginsStatedIn } from '../discover/blog-identity.js';
import type { DiscoveredPost, Fetcher, PostMeta } from '../types.js';
import { parsePostPath, postPathString } from '../util/post-path.js';
import { statesAPost } from './article-marks.js';
import type { AssetRef } from '../body/body-template.js';
import type { ConvertSettings, PureStages, ReadPage } from './pure-stages.js';

/** What reading one post gave: an HTTP status that ends it, or its page as extracted. */
export type PageRead =
  | { kind: 'status'; status: number }
  | {
      kind: 'page';
      /** The page read, its body converted. */
      extraction: ReadPage;
      /** The blog's addresses the page states (see `blogOriginsStatedIn`); none for a backup page. */
      origins: string[];
      /** The address the page was read from (after redirects). */
      url: string;
      /**
       * The page carries the facts Tistory writes into every post page (see `statesAPost`); false for a
       * placeholder served in its place. Always true for a backup page, which carries none of them.
       */
      statesAPost: boolean;
      /** Files of the post its body does not show, kept so nothing is lost (a backup's unused images). */
      extraAssets: AssetRef[];
      warnings: string[];
    };

/** Where the pipeline gets a post's page: the live blog, or a backup. */
export interface PageReader {
  read(post: DiscoveredPost, settings: ConvertSettings, signal?: AbortSignal): Promise<PageRead>;
}

/**
 * The live blog's pages. When the desktop page gives no body (a skin nobody knows), or only one the
 * paragraph scorer guessed, Tistory's own mobile page `/m/{id}` is tried before the post is called failed
 * or the guess is kept: its markup is the same on every blog.
 */
export function livePageReader(fetcher: Fetcher, stages: PureStages): PageReader {
  const readPage = async (
    url: string,
    settings: ConvertSettings,
    signal: AbortSignal | undefined,
    alsoOwn: readonly string[] = [],
  ): Promise<PageRead> => {
    const response = await fetcher.get(url, { accept: 'text/html', ...(signal ? { signal } : {}) });
    if (response.status >= 400) return { kind: 'status', status: response.status };
    const html = response.text();
    // Only a page with replacement characters can have bytes its encoding did not read; most have none.
    const problem = html.includes('\uFFFD')
      ? decodeBody(response.body, response.headers['content-type']).problem
      : null;
    const warnings = problem === null ? [] : [problem];
    // Links to the addresses the page states are the blog's own: the converter learns them with the page.
    const origins = blogOriginsStatedIn(html);
    const names = { ...settings.names, origins: [...new Set([...settings.names.origins, ...alsoOwn, ...origins])] };
    return {
      kind: 'page',
      extraction: await stages.read(html, response.url, { ...settings, names }),
      origins,
      url: response.url,
      statesAPost: statesAPost(html),
      extraAssets: [],
      warnings,
    };
  };
  return {
    async read(post, settings, signal) {
      const desktop = await readPage(post.url, settings, signal);
      if (desktop.kind !== 'page') return desktop;
      const { extraction } = desktop;
      const guessed = extraction.status === 'ok' && extraction.bodyFoundBy === 'scored';
      if (extraction.status !== 'failed' && !guessed) return desktop;
      const mobileUrl = mobileUrlOf(post.url, extraction.meta?.id ?? post.id);
      if (mobileUrl === null) return desktop;
      // Links to the addresses the desktop page states are the blog's own in the mobile page's body too.
      const mobile = await readPage(mobileUrl, settings, signal, desktop.origins).catch(() => null);
      if (mobile?.kind !== 'page' || mobile.extraction.status !== 'ok' || mobile.extraction.bodyFoundBy === 'scored')
        return desktop;
      // The mobile page's head may lack what the desktop one had: keep the desktop facts, take the body.
      const desktopMeta = extraction.meta;
      const meta = desktopMeta ? mergeMeta(desktopMeta, mobile.extraction.meta) : mobile.extraction.meta;
      const why =
        extraction.status === 'failed'
          ? `had no post body (${extraction.error})`
          : 'had no body the extractor could find for certain';
      return {
        ...mobile,
        origins: desktop.origins,
        url: desktop.url,
        statesAPost: desktop.statesAPost || mobile.statesAPost,
        extraction: { ...mobile.extraction, meta },
        warnings: [...mobile.warnings, `the desktop page ${why}; the body was read from ${mobileUrl}`],
      };
    },
  };
}

/**
 * `/m/notice/{id}` and `/m/pages/{slug}` for a notice and a static page (a post's `/m/{id}` would not
 * show them); for a post `/m/{id}` when the id is known, else `/m/entry/{slug}`; null for a URL that is
 * none of these.
 */
export function mobileUrlOf(postUrl: string, id: string | null): string | null {
  let url: URL;
  try {
    url = new URL(postUrl);
  } catch {
    return null;
  }
  const path = parsePostPath(url.pathname);
  if (path && path.kind !== 'post') return `${url.origin}/m${postPathString(path)}`;
  if (id !== null && /^\d+$/.test(id)) return `${url.origin}/m/${id}`;
  const entry = /^\/entry\/([^/]+)\/?$/.exec(url.pathname);
  return entry ? `${url.origin}/m/entry/${entry[1]}` : null;
}

/** Desktop facts first; the mobile page fills in what the desktop page did not say. */
function mergeMeta(desktop: PostMeta, mobile: PostMeta): PostMeta {
  const merged: Record<string, unknown> = { ...mobile };
  for (const [key, value] of Object.entries(desktop)) {
    const empty = value === null || value === '' || (Array.isArray(value) && value.length === 0);
    if (!empty) merged[key] = value;
  }
  return merged as unknown as PostMeta;
}
