import { describe, expect, it } from 'vitest';
import { decodeBody, decodeText } from '../../src/fetch/charset.js';
import { encodeEucKr } from '../faults/euc-kr.js';

const KOREAN = '<p>티스토리 옛 글: 한글 본문이 깨지지 않아야 한다.</p>';
const page = (charset: string, body = KOREAN) =>
  `<html><head><meta charset="${charset}"><title>옛 글</title></head><body>${body}</body></html>`;

describe('decodeBody: a declared charset is checked against the bytes', () => {
  it('decodes what the declaration says when the bytes agree, with no problem to report', () => {
    expect(decodeBody(Buffer.from(page('utf-8')), 'text/html; charset=utf-8')).toEqual({
      text: page('utf-8'),
      charset: 'utf-8',
      problem: null,
    });
    expect(decodeBody(encodeEucKr(page('euc-kr')), 'text/html')).toEqual({
      text: page('euc-kr'),
      charset: 'euc-kr',
      problem: null,
    });
  });

  it('reads EUC-KR bytes declared as UTF-8 (header and meta) as EUC-KR', () => {
    const decoded = decodeBody(encodeEucKr(page('utf-8')), 'text/html; charset=utf-8');
    expect(decoded).toEqual({ text: page('utf-8'), charset: 'euc-kr', problem: null });
  });

  it('reads UTF-8 bytes declared as EUC-KR as UTF-8', () => {
    expect(decodeBody(Buffer.from(page('euc-kr')), 'text/html; charset=euc-kr')).toMatchObject({
      text: page('euc-kr'),
      charset: 'utf-8',
      problem: null,
    });
    expect(decodeBody(Buffer.from(page('euc-kr')), undefined)).toMatchObject({
      text: page('euc-kr'),
      charset: 'utf-8',
      problem: null,
    });
  });

  it("knows Microsoft's names for EUC-KR (cp949, ms949, x-windows-949, uhc)", () => {
    for (const label of ['cp949', 'CP949', 'ms949', 'x-windows-949', 'uhc']) {
      expect(decodeText(encodeEucKr(page(label)), undefined), label).toBe(page(label));
      expect(decodeText(encodeEucKr(KOREAN), `text/html; charset=${label}`), label).toBe(KOREAN);
    }
  });

  it('keeps the decoding with the fewest undecodable bytes and says so when none is clean', () => {
    // EUC-KR with one stray byte no encoding accepts: EUC-KR still reads everything else.
    const [before, after] = page('utf-8', '<p>앞 문단|뒤 문단</p>').split('|') as [string, string];
    const bytes = Buffer.concat([encodeEucKr(before), Buffer.from([0xff]), encodeEucKr(after)]);
    const decoded = decodeBody(bytes, 'text/html; charset=utf-8');
    expect(decoded.charset).toBe('euc-kr');
    expect(decoded.text).toContain('앞 문단\uFFFD뒤 문단');
    expect(decoded.problem).toBe(
      'the page declares utf-8, but its bytes are not valid utf-8 or euc-kr; read as euc-kr, 1 undecodable byte sequence shown as U+FFFD',
    );
  });

  it('keeps the declared charset when it is no better than the others', () => {
    const bytes = Buffer.concat([Buffer.from('<p>깨진 '), Buffer.from([0xff, 0xfe]), Buffer.from(' 바이트</p>')]);
    const decoded = decodeBody(bytes, 'text/html; charset=utf-8');
    expect(decoded.charset).toBe('utf-8');
    expect(decoded.text).toBe('<p>깨진 \uFFFD\uFFFD 바이트</p>');
    expect(decoded.problem).toMatch(
      /^the page declares utf-8, but its bytes are not valid utf-8 or euc-kr; read as utf-8, 2 undecodable/,
    );
  });

  it('trusts a byte-order mark and a single-byte charset, which every byte decodes under', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('티스토리')]);
    expect(decodeBody(withBom, 'text/html; charset=euc-kr')).toMatchObject({ text: '티스토리', problem: null });
    expect(decodeBody(Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'text/html; charset=iso-8859-1')).toMatchObject({
      text: 'café',
      problem: null,
    });
  });

  it('keeps a real U+FFFD that the page wrote on purpose, without a warning', () => {
    const text = '<p>대체 문자 \uFFFD 그대로</p>';
    expect(decodeBody(Buffer.from(text), 'text/html; charset=utf-8')).toEqual({
      text,
      charset: 'utf-8',
      problem: null,
    });
  });
});
