import { decodeUriComponentSafely } from '../util/decode-uri.js';
import { safeFileName, truncateToBytes } from '../util/safe-path.js';
import { extensionFromBytes, extensionFromContentType, imageExtensionFromBytes, namesImageType } from './file-type.js';

/** Stems longer than this are cut, leaving room for the `-<hash>.<ext>` suffix. */
const MAX_STEM_BYTES = 100;
const HASH_IN_NAME = 8;
const EXTENSION = /^[a-z0-9]{1,8}$/i;

interface NameSources {
  /** What the page calls the file: `data-filename`, `filename`, a file block's name, `knm`. */
  hint: string | null;
  url: string;
  contentType: string | undefined;
  contentDisposition: string | undefined;
  /** The file's bytes, or only its first ones (enough for its type) with `size` saying how many there are. */
  body: Uint8Array;
  size?: number;
  sha256: string;
}

/**
 * A stored file's name: `<stem>-<first 8 hex of sha256>.<ext>`. The stem comes from what the page
 * calls the file, else Content-Disposition, else the URL's last segment (never its query), with
 * letters of every script kept; the hash keeps two different `img.png` apart without depending on
 * which post finished first.
 */
export function storedFileName(sources: NameSources): string {
  const given =
    [sources.hint, filenameFromContentDisposition(sources.contentDisposition), basenameOf(sources.url)]
      .map((candidate) => candidate?.trim() ?? '')
      .find((candidate) => candidate !== '') ?? '';
  const { stem, extension } = splitExtension(given);
  const chosenExtension = chooseExtension(extension, sources);
  const cleanStem = truncateToBytes(sanitiseStem(stem) || 'file', MAX_STEM_BYTES).replace(/-+$/, '') || 'file';
  return safeFileName(`${cleanStem}-${sources.sha256.slice(0, HASH_IN_NAME)}.${chosenExtension.toLowerCase()}`);
}

/**
 * Bytes that prove an image type win over the name: the editor's `data-filename` can be wrong (a PNG
 * saved as `edited.jpeg`), and a viewer trusting the extension would fail to open it. Otherwise the
 * name's extension, then Content-Type, then whatever else the bytes suggest.
 */
function chooseExtension(named: string | null, sources: NameSources): string {
  const size = sources.size ?? sources.body.length;
  const image = imageExtensionFromBytes(sources.body, size);
  if (image) return named && namesImageType(named, image) ? named : image;
  return named ?? extensionFromContentType(sources.contentType) ?? extensionFromBytes(sources.body, size) ?? 'bin';
}

/** Letters, digits and marks of any script, `_` and `-`: nothing a Markdown or HTML link must escape. */
function sanitiseStem(stem: string): string {
  return stem
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}\p{M}_-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
}

function splitExtension(name: string): { stem: string; extension: string | null } {
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1) : '';
  return EXTENSION.test(extension) ? { stem: name.slice(0, dot), extension } : { stem: name, extension: null };
}

function basenameOf(url: string): string | null {
  try {
    const segment = new URL(url).pathname.split('/').filter(Boolean).pop();
    return segment ? decodeUriComponentSafely(segment) : null;
  } catch {
    return null;
  }
}

/** `filename*=UTF-8''%EC%97%AC.xlsx` (RFC 6266) wins over a plain `filename="…"`. */
export function filenameFromContentDisposition(header: string | undefined): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*([\w-]+)'[^']*'([^;]+)/i.exec(header);
  if (extended?.[2]) return decodeUriComponentSafely(extended[2].trim().replace(/^"|"$/g, ''));
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  const value = plain?.[2] ?? plain?.[1]?.trim();
  return value ? decodeUriComponentSafely(value) : null;
}
