import { TextDecoder } from 'node:util';

/** Bytes scanned for an in-document charset declaration (the HTML spec's prescan window). */
const PRESCAN_BYTES = 1024;

/**
 * Microsoft's names for its extension of EUC-KR, which old Korean pages declare and the Encoding
 * standard does not list; its `euc-kr` decoder is that extension.
 */
const EUC_KR_ALIASES: ReadonlySet<string> = new Set(['cp949', 'ms949', 'x-windows-949', 'uhc']);

/** Tistory serves UTF-8; pages from its early years (and blogs moved in from elsewhere) may be EUC-KR. */
const CANDIDATES = ['utf-8', 'euc-kr'] as const;

interface DecodedBody {
  text: string;
  /** The encoding the text was read with (the Encoding standard's name). */
  charset: string;
  /** Set when no encoding read every byte: what was declared, what was used, and how much is lost. */
  problem: string | null;
}

/** `decodeBody`'s text. */
export function decodeText(body: Buffer, contentType: string | undefined): string {
  return decodeBody(body, contentType).text;
}

/**
 * Decodes a body to text: a byte-order mark wins, then the Content-Type charset, then a `<meta charset>`
 * / `<meta http-equiv>` or `<?xml encoding?>` declaration, else UTF-8. Declarations lie on old Korean
 * pages (EUC-KR bytes under a UTF-8 header, a UTF-8 page still saying EUC-KR), so the bytes are checked:
 * bytes that are valid UTF-8 are UTF-8 (text in another encoding practically never is), else the
 * declared encoding if it reads every byte, else EUC-KR if that does. When none does, the decoding with
 * the fewest undecodable sequences is kept (the declared one on a tie) and `problem` says so.
 */
export function decodeBody(body: Buffer, contentType: string | undefined): DecodedBody {
  const bom = charsetFromBom(body);
  if (bom) return { text: decoderFor(bom).decode(body), charset: bom, problem: null };
  const label = charsetFromContentType(contentType) ?? charsetFromDocument(body);
  const declared = decoderFor(label ?? 'utf-8').encoding;
  // UTF-16 without a byte-order mark cannot be told from its bytes the same way; and its ASCII is not ASCII.
  if (declared.startsWith('utf-16'))
    return { text: decoderFor(declared).decode(body), charset: declared, problem: null };
  const order = [...new Set<string>(declared === 'utf-8' ? CANDIDATES : ['utf-8', declared, 'euc-kr'])];
  for (const charset of order) {
    const text = decodeStrictly(body, charset);
    if (text !== null) return { text, charset, problem: null };
  }
  const readings = [...new Set([declared, ...order])].map((charset) => {
    const text = decoderFor(charset).decode(body);
    return { charset, text, lost: countReplacements(text) };
  });
  const best = readings.reduce((kept, reading) => (reading.lost < kept.lost ? reading : kept));
  const sequences = `${best.lost} undecodable byte sequence${best.lost === 1 ? '' : 's'}`;
  const tried = order.join(' or ');
  return {
    text: best.text,
    charset: best.charset,
    problem: `the page declares ${label ? declared : 'no charset'}, but its bytes are not valid ${tried}; read as ${best.charset}, ${sequences} shown as U+FFFD`,
  };
}

function decodeStrictly(body: Buffer, charset: string): string | null {
  try {
    return new TextDecoder(charset, { fatal: true }).decode(body);
  } catch {
    return null;
  }
}

function countReplacements(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\uFFFD'); at >= 0; at = text.indexOf('\uFFFD', at + 1)) count++;
  return count;
}

function decoderFor(label: string): TextDecoder {
  const name = EUC_KR_ALIASES.has(label.toLowerCase()) ? 'euc-kr' : label;
  try {
    return new TextDecoder(name);
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

function charsetFromContentType(contentType: string | undefined): string | null {
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
