// Old Tistory file URLs (`/cfile/tistory/HEX`) carry no extension, and CDNs often answer
// `application/octet-stream`, so a stored file's extension may have to come from its first bytes.

const EXTENSION_BY_MIME: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/pjpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/bmp': 'bmp',
  'image/svg+xml': 'svg',
  'image/avif': 'avif',
  'image/heic': 'heic',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'video/webm': 'webm',
  'audio/mpeg': 'mp3',
  'application/pdf': 'pdf',
  'application/zip': 'zip',
  'text/plain': 'txt',
};

/** The extension a Content-Type names, when it names a specific type (never for octet-stream). */
export function extensionFromContentType(contentType: string | undefined): string | null {
  const mime = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return EXTENSION_BY_MIME[mime] ?? null;
}

interface Signature {
  extension: string;
  offset: number;
  bytes: readonly number[];
}

const IMAGE_SIGNATURES: readonly Signature[] = [
  { extension: 'png', offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { extension: 'jpg', offset: 0, bytes: [0xff, 0xd8, 0xff] },
  { extension: 'gif', offset: 0, bytes: [0x47, 0x49, 0x46, 0x38] },
];

const OTHER_SIGNATURES: readonly Signature[] = [
  { extension: 'pdf', offset: 0, bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { extension: 'zip', offset: 0, bytes: [0x50, 0x4b, 0x03, 0x04] },
  // `ftyp` also starts HEIC and QuickTime files: a guess, never preferred over a name.
  { extension: 'mp4', offset: 4, bytes: [0x66, 0x74, 0x79, 0x70] },
];

/** Names one type: `photo.jpeg` holding a JPEG keeps its `.jpeg`. */
const SAME_IMAGE_TYPE: Readonly<Record<string, readonly string[]>> = {
  jpg: ['jpg', 'jpeg', 'jpe', 'jfif'],
  png: ['png', 'apng'],
};

/**
 * The extension the file's magic bytes announce, or null when they are not one we know. `body` may be
 * the file's first bytes only, with `size` its whole length.
 */
export function extensionFromBytes(body: Uint8Array, size = body.length): string | null {
  return (
    imageExtensionFromBytes(body, size) ??
    OTHER_SIGNATURES.find((signature) => matches(body, signature))?.extension ??
    null
  );
}

/**
 * The image type the magic bytes prove, or null. These signatures are long enough (or, for BMP, checked
 * against the size it states) that a file carrying one is that image, whatever its name says.
 */
export function imageExtensionFromBytes(body: Uint8Array, size = body.length): string | null {
  // WebP is a RIFF container: "RIFF" <size> "WEBP".
  if (startsWith(body, 0, [0x52, 0x49, 0x46, 0x46]) && startsWith(body, 8, [0x57, 0x45, 0x42, 0x50])) return 'webp';
  // "BM" alone starts plenty of text files; a real BMP states its own length next.
  if (startsWith(body, 0, [0x42, 0x4d]) && body.length >= 6 && readUint32LE(body, 2) === size) return 'bmp';
  return IMAGE_SIGNATURES.find((signature) => matches(body, signature))?.extension ?? null;
}

/** Whether `extension` (as a name spells it) names the image type `detected`. */
export function namesImageType(extension: string, detected: string): boolean {
  const lower = extension.toLowerCase();
  return (SAME_IMAGE_TYPE[detected] ?? [detected]).includes(lower);
}

function matches(body: Uint8Array, signature: Signature): boolean {
  return startsWith(body, signature.offset, signature.bytes);
}

function readUint32LE(body: Uint8Array, offset: number): number {
  return (body[offset]! | (body[offset + 1]! << 8) | (body[offset + 2]! << 16) | (body[offset + 3]! << 24)) >>> 0;
}

function startsWith(body: Uint8Array, offset: number, bytes: readonly number[]): boolean {
  return body.length >= offset + bytes.length && bytes.every((byte, index) => body[offset + index] === byte);
}
