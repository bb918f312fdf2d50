// EUC-KR (Microsoft's extended form, CP949) bytes for test pages: Node decodes the encoding but has no
// encoder, so the table is the decoder's, read backwards.

let table: Map<string, Buffer> | null = null;

function eucKrTable(): Map<string, Buffer> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('euc-kr', { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x41; trail <= 0xfe; trail++) {
      let char: string;
      try {
        char = decoder.decode(Uint8Array.of(lead, trail));
      } catch {
        continue;
      }
      if (char.length === 1 && !table.has(char)) table.set(char, Buffer.from([lead, trail]));
    }
  }
  return table;
}

export function encodeEucKr(text: string): Buffer {
  const codes = eucKrTable();
  const parts: Buffer[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const bytes = code < 0x80 ? Buffer.from([code]) : codes.get(char);
    if (!bytes) throw new Error(`no EUC-KR bytes for ${JSON.stringify(char)}`);
    parts.push(bytes);
  }
  return Buffer.concat(parts);
}
