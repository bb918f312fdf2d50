import { createHash } from 'node:crypto';

/** Beside `report.html`: the per-post side-by-side views, loaded one at a time when asked for. */
export const REPORT_FOLDER = 'report';
export const REPORT_FILE = 'report.html';
export const VIEWS_FOLDER = `${REPORT_FOLDER}/posts`;

/** A post's view, relative to the output folder: a Tistory number as it is, any other id hashed into a safe name. */
export function viewPath(id: string): string {
  const key = /^\d{1,30}$/.test(id) ? id : `u${createHash('sha256').update(id).digest('hex').slice(0, 24)}`;
  return `${VIEWS_FOLDER}/${key}.html`;
}

/** A path relative to the output folder as a URL path: each segment encoded (Hangul, spaces, `#`). */
export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
