import { decodeUriComponentSafely } from '../util/decode-uri.js';
import { baseName, groupByFolder } from './entry-path.js';

/** One post page of the backup: `{postId}/{postId}.html` or `{postId}/{slug}.html`. */
export interface BackupPage {
  /** Path of the HTML file inside the backup. */
  htmlPath: string;
  /** Post id: the folder name when numeric, else the file name when numeric; null when neither is. */
  id: string | null;
  /** The post's `/entry/<slug>` when the file is named after it; null for `{postId}.html`. */
  slug: string | null;
}

const HTML_FILE = /\.html?$/i;
const NUMERIC = /^\d+$/;

/**
 * The post pages among the backup's files, in post id order (pages without an id last, by path).
 * A folder holding several pages keeps only the one named after the folder when there is one; pages
 * inside an `img` folder are files the author uploaded, not posts.
 */
export function findPostPages(paths: Iterable<string>): BackupPage[] {
  const htmlFiles = [...paths].filter(
    (path) =>
      HTML_FILE.test(path) &&
      !path
        .split('/')
        .slice(0, -1)
        .some((segment) => segment.toLowerCase() === 'img'),
  );
  const pages: BackupPage[] = [];
  for (const [folder, htmlPaths] of groupByFolder(htmlFiles)) {
    const folderName = baseName(folder);
    const named = htmlPaths.filter((path) => stem(path) === folderName);
    for (const htmlPath of named.length > 0 ? named : htmlPaths) pages.push(pageOf(htmlPath, folderName));
  }
  return pages.sort(byIdThenPath);
}

function pageOf(htmlPath: string, folderName: string): BackupPage {
  const fileStem = stem(htmlPath);
  const id = NUMERIC.test(folderName) ? folderName : NUMERIC.test(fileStem) ? fileStem : null;
  const slug = NUMERIC.test(fileStem) ? null : decodeUriComponentSafely(fileStem).normalize('NFC');
  return { htmlPath, id, slug };
}

function stem(path: string): string {
  return baseName(path).replace(HTML_FILE, '');
}

function byIdThenPath(a: BackupPage, b: BackupPage): number {
  if (a.id !== null && b.id !== null && a.id !== b.id) return Number(a.id) - Number(b.id) || a.id.localeCompare(b.id);
  if ((a.id === null) !== (b.id === null)) return a.id === null ? 1 : -1;
  return a.htmlPath < b.htmlPath ? -1 : a.htmlPath > b.htmlPath ? 1 : 0;
}
