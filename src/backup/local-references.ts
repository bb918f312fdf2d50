import type { Cheerio } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { descendantsOf } from '../extract/walk.js';
import { decodeUriComponentSafely } from '../util/decode-uri.js';
import { missingFileUrl } from './backup-urls.js';
import { normaliseEntryPath, parentFolder } from './entry-path.js';

/** Attributes that may name a file of the post: the editor keeps the original in several of them. */
const URL_ATTRIBUTES = ['src', 'data-src', 'data-url', 'data-phocus', 'href', 'poster', 'data-origin-src'];

export interface LocalReferences {
  /** Backup paths the body refers to, each once, in document order. */
  found: string[];
  /** Relative references (`./img/x.png`) with no such file in the backup: one per file, as first written. */
  missing: string[];
}

export interface ReferenceLookup {
  hasFile(path: string): boolean;
  urlOf(path: string): string;
}

/**
 * Points every relative reference of a backup page (`./img/NAME`, `img/NAME`) that names a file of the
 * backup at that file's URL, so the body reads like a page's and the pipeline finds the files as
 * assets. A reference to a file the backup lacks gets a `missingFileUrl` instead, one per file (however
 * it is spelled), which the pipeline turns back into the reference as first written. Mutates the body;
 * absolute URLs are left alone.
 */
export function rewriteLocalReferences(
  body: Cheerio<AnyNode>,
  htmlPath: string,
  lookup: ReferenceLookup,
): LocalReferences {
  const found = new Set<string>();
  /** The first spelling of each missing file, by the path it would have. */
  const missing = new Map<string, string>();
  const folder = parentFolder(htmlPath);
  const resolveOne = (reference: string): string => {
    if (!isRelative(reference)) return reference;
    const path = localPath(folder, reference, lookup);
    if (path === null) {
      const key = intendedPath(folder, reference) ?? reference;
      if (!missing.has(key)) missing.set(key, reference);
      return missingFileUrl(missing.get(key)!);
    }
    found.add(path);
    return lookup.urlOf(path);
  };
  for (const node of descendantsOf(body.toArray())) {
    if (node.type !== 'tag') continue;
    const element = node as Element;
    for (const name of URL_ATTRIBUTES) {
      const value = element.attribs[name]?.trim();
      if (value) element.attribs[name] = resolveOne(value);
    }
    const srcset = element.attribs['srcset'];
    if (srcset) element.attribs['srcset'] = rewriteSrcset(srcset, resolveOne);
  }
  return { found: [...found], missing: [...missing.values()] };
}

function rewriteSrcset(srcset: string, resolveOne: (reference: string) => string): string {
  return srcset
    .split(',')
    .map((candidate) => {
      // The backup writes names as they are, spaces included: only a trailing `800w` / `2x` is a descriptor.
      const match = /^(.*?)(?:\s+(\d+(?:\.\d+)?[wx]))?$/.exec(candidate.trim());
      const url = match?.[1] ?? '';
      return match?.[2] ? `${resolveOne(url)} ${match[2]}` : resolveOne(url);
    })
    .join(', ');
}

/** True when `reference`, written in the page at `htmlPath`, names a file `lookup` has. */
export function namesBackupFile(htmlPath: string, reference: string, lookup: ReferenceLookup): boolean {
  return localPath(parentFolder(htmlPath), reference, lookup) !== null;
}

/** No scheme, not protocol-relative, not site-absolute, not a fragment. */
function isRelative(reference: string): boolean {
  return !/^(?:[a-z][a-z0-9+.-]*:|\/|#|\?)/i.test(reference);
}

/** The backup path a relative reference names, trying it as written and percent-decoded; null when absent or outside. */
function localPath(folder: string, reference: string, lookup: ReferenceLookup): string | null {
  const withoutQuery = reference.split(/[?#]/)[0] ?? '';
  for (const spelling of new Set([withoutQuery, decodeUriComponentSafely(withoutQuery)])) {
    const joined = joinInside(folder, spelling);
    if (joined !== null && lookup.hasFile(joined)) return joined;
  }
  return null;
}

/** The backup path a reference to an absent file would have had (percent-decoded); null when outside. */
function intendedPath(folder: string, reference: string): string | null {
  return joinInside(folder, decodeUriComponentSafely(reference.split(/[?#]/)[0] ?? ''));
}

/** `folder` + a relative path with `.` and `..` resolved; null when it climbs out of the backup. */
function joinInside(folder: string, relativePath: string): string | null {
  const segments = folder ? folder.split('/') : [];
  for (const segment of relativePath.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.pop() === undefined) return null;
    } else segments.push(segment);
  }
  return normaliseEntryPath(segments.join('/'));
}
