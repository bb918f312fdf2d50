import { TextDecoder } from 'node:util';

/** Bytes scanned for an in-document charset declaration (the HTML spec's prescan window). */
const PRESCAN_BYTES = 1024;

/**
 * Decodes a body to text: a byte-order mark wins, then the Content-Type charset, then a
 * `<meta charset>` / `<meta http-equiv>` or `<?xml encoding?>` declaration, else UTF-8. Old Korean
 * pages may be EUC-KR; an unknown label falls back to UTF-8 rather than failing the page.
 */
export function decodeText(body: Buffer, contentType: string | undefined): string {
  const label =
    charsetFromBom(body) ?? charsetFromContentType(contentType) ?? charsetFromDocument(body) ?? 'utf-8';
  return decoderFor(label).decode(body);
}

function decoderFor(label: string): TextDecoder {
  try {
    return new TextDecoder(label);
  } catch {
    return new TextDecoder('utf-8');
  }
}

function charsetFromBom(body: Buffer): string | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  return null;
}

export function charsetFromContentType(contentType: string | undefined): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '');
  return match?.[1] ?? null;
}

function charsetFromDocument(body: Buffer): string | null {
  // latin1 maps bytes 1:1, so ASCII markup is readable whatever the real encoding is.
  const head = body.subarray(0, PRESCAN_BYTES).toString('latin1');
  const meta = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (meta?.[1]) return meta[1];
  const xml = /^\s*<\?xml\b[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return xml?.[1] ?? null;
}
