// File names come from post titles, slugs and remote URLs: text a stranger wrote. Whatever it holds, a
// written file must land inside the output folder and be a name every common file system accepts.

import { isAbsolute, relative, resolve, sep } from 'node:path';

/** Most file systems (ext4, APFS, NTFS) cap one name at 255 bytes (NTFS: UTF-16 units, fewer than bytes). */
export const MAX_NAME_BYTES = 255;

/** Windows refuses these names with any extension (`con.md`, `LPT1.png`), case-insensitively. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
/** Path separators, characters Windows forbids, and control characters (NUL first among them). */
const UNSAFE_CHARACTERS = /[/\\:*?"<>|\u0000-\u001f\u007f-\u009f]/g;

/** Cuts `text` to at most `maxBytes` of UTF-8 without splitting a character. */
export function truncateToBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let out = '';
  let bytes = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char);
    if (bytes + size > maxBytes) break;
    out += char;
    bytes += size;
  }
  return out;
}

/** True when Windows would refuse `name`, whatever follows the first dot. */
export function isReservedWindowsName(name: string): boolean {
  const stem = name.split('.')[0] ?? '';
  return WINDOWS_RESERVED.test(stem.trimEnd());
}

/**
 * One safe path segment from untrusted text: NFC (macOS writes NFD, and an NFC and an NFD spelling
 * of one Hangul title must not become two files), no separators, control or Windows-forbidden
 * characters, no leading or trailing dots and spaces (Windows drops trailing ones, a leading dot
 * hides the file), not a reserved Windows name, at most 255 bytes with the extension kept.
 * Returns `fallback` (itself made safe) when nothing usable is left.
 */
export function safeFileName(name: string, fallback = 'file'): string {
  const cleaned = name
    .normalize('NFC')
    .replace(UNSAFE_CHARACTERS, '-')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (cleaned === '') return name === fallback ? 'file' : safeFileName(fallback);
  const named = isReservedWindowsName(cleaned) ? `_${cleaned}` : cleaned;
  return fitName(named);
}

/** Shortens the stem, not the extension, so `…very long title.md` stays a Markdown file. */
function fitName(name: string): string {
  if (Buffer.byteLength(name) <= MAX_NAME_BYTES) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  const stem = truncateToBytes(
    name.slice(0, name.length - extension.length),
    MAX_NAME_BYTES - Buffer.byteLength(extension),
  );
  return `${stem.replace(/[\s.]+$/, '')}${extension}`;
}

export class UnsafePathError extends Error {
  constructor(
    readonly root: string,
    readonly path: string,
  ) {
    super(`refusing to write outside the output folder: ${JSON.stringify(path)}`);
    this.name = 'UnsafePathError';
  }
}

/**
 * The absolute path of `relativePath` (a `/`-separated path such as `markdown/<slug>.md`) inside
 * `root`. Throws `UnsafePathError` for an absolute path, a `..` segment, a NUL or an empty segment:
 * callers build these paths from safe names, so anything else is a bug or an attack, never a
 * name to repair silently.
 */
export function resolveInside(root: string, relativePath: string): string {
  if (!isSafeRelativePath(relativePath)) throw new UnsafePathError(root, relativePath);
  const segments = relativePath.split(/[/\\]/);
  const base = resolve(root);
  const target = resolve(base, ...segments);
  const inside = relative(base, target);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
    throw new UnsafePathError(root, relativePath);
  }
  return target;
}

/**
 * True for a plain relative path (`a/b.png`, `/` or `\\` separated): not absolute, no drive letter, no NUL,
 * no empty, `.` or `..` segment. Also the check for names read from archives, where `../` is an attack.
 */
export function isSafeRelativePath(relativePath: string): boolean {
  const segments = relativePath.split(/[/\\]/);
  return !(
    relativePath.includes('\u0000') ||
    isAbsolute(relativePath) ||
    /^[a-z]:/i.test(relativePath) ||
    segments.some((segment) => segment === '' || segment === '.' || segment === '..')
  );
}
