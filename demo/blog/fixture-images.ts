// Small but valid image and archive files for the fixture CDN, made in code so a test can tell an
// original from a thumbnail by its bytes. `seed` picks the colour.

import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

function seedBytes(seed: string): Buffer {
  return createHash('sha256').update(seed).digest();
}

/** An RGB PNG of one colour; size grows with the seed so originals and thumbnails differ in shape too. */
export function pngImage(seed: string, width = 4, height = 3): Buffer {
  const [r = 0, g = 0, b = 0] = seedBytes(seed);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, index) => [r, g, b][index % 3]!)]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit, RGB, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A 1×1 GIF89a whose one pixel has the seed's colour. */
export function gifImage(seed: string): Buffer {
  const [r = 0, g = 0, b = 0] = seedBytes(seed);
  return Buffer.from([
    ...Buffer.from('GIF89a', 'latin1'),
    1,
    0,
    1,
    0,
    0x80,
    0,
    0, // 1×1, a global colour table of two entries
    r,
    g,
    b,
    0,
    0,
    0,
    0x2c,
    0,
    0,
    0,
    0,
    1,
    0,
    1,
    0,
    0, // image descriptor
    2,
    2,
    0x44,
    0x01,
    0, // LZW: clear, index 0, end
    0x3b,
  ]);
}

/**
 * An 8×8 baseline greyscale JPEG of one shade: one block whose only coefficient is DC, coded with
 * one-symbol Huffman tables. Decoders read it like any camera JPEG.
 */
export function jpegImage(seed: string): Buffer {
  const digest = seedBytes(seed);
  const grey = 24 + ((digest[0] ?? 0) % 208);
  const dc = 8 * (grey - 128); // the DCT of a flat block, all quantisers 1
  const category = dc === 0 ? 0 : Math.floor(Math.log2(Math.abs(dc))) + 1;
  const extra = dc >= 0 ? dc : dc + (1 << category) - 1;
  let bits = `0${category > 0 ? extra.toString(2).padStart(category, '0') : ''}0`; // DC, then EOB
  bits = bits.padEnd(Math.ceil(bits.length / 8) * 8, '1');
  const scan: number[] = [];
  for (let index = 0; index < bits.length; index += 8) {
    const byte = parseInt(bits.slice(index, index + 8), 2);
    scan.push(byte);
    if (byte === 0xff) scan.push(0); // byte stuffing
  }
  const segment = (marker: number, body: number[]) => [
    0xff,
    marker,
    (body.length + 2) >> 8,
    (body.length + 2) & 0xff,
    ...body,
  ];
  return Buffer.from([
    0xff,
    0xd8,
    ...segment(0xe0, [...Buffer.from('JFIF\0', 'latin1'), 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    // A comment with the seed's digest: few shades of grey, but every seed its own bytes.
    ...segment(0xfe, [...digest]),
    ...segment(0xdb, [0, ...new Array<number>(64).fill(1)]),
    ...segment(0xc0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]),
    ...segment(0xc4, [0x00, 1, ...new Array<number>(15).fill(0), category]),
    ...segment(0xc4, [0x10, 1, ...new Array<number>(15).fill(0), 0x00]),
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    ...scan,
    0xff,
    0xd9,
  ]);
}

/** A ZIP archive (what an .xlsx or .zip upload is) holding one small text file. */
export function zipArchive(seed: string): Buffer {
  const name = Buffer.from('note.txt', 'latin1');
  const data = Buffer.from(`tistory-export fixture ${seed}\n`, 'utf8');
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(10, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  const centralOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}
