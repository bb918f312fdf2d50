import { describe, expect, it } from 'vitest';
import { normaliseDate, parseRegDate, parseSkinDate } from '../../src/extract/dates.js';

describe('normaliseDate (head and JSON-LD forms)', () => {
  it('keeps article:published_time as written, offset included', () => {
    expect(normaliseDate('2022-12-20T12:04:47+09:00')).toBe('2022-12-20T12:04:47+09:00');
    expect(normaliseDate('  2024-03-09T00:30:00+09:00 ')).toBe('2024-03-09T00:30:00+09:00');
  });

  it('reads the JSON-LD form without a zone as KST', () => {
    expect(normaliseDate('20221220T12:04:47')).toBe('2022-12-20T12:04:47+09:00');
    expect(normaliseDate('20110627T09:15:02')).toBe('2011-06-27T09:15:02+09:00');
  });

  it('reads the backup page form `2025-06-02 16:27:20` as KST', () => {
    expect(normaliseDate('2025-06-02 16:27:20')).toBe('2025-06-02T16:27:20+09:00');
  });

  it('moves UTC times to KST without losing the day (00:30 KST stays on its day)', () => {
    expect(normaliseDate('2024-03-08T15:30:00Z')).toBe('2024-03-09T00:30:00+09:00');
    expect(normaliseDate('2024-03-08T15:30:00.000Z')).toBe('2024-03-09T00:30:00+09:00');
  });

  it('writes a compact offset with a colon', () => {
    expect(normaliseDate('2022-12-20T12:04:47+0900')).toBe('2022-12-20T12:04:47+09:00');
  });

  it('gives null for text that is not a date', () => {
    expect(normaliseDate(null)).toBeNull();
    expect(normaliseDate(undefined)).toBeNull();
    expect(normaliseDate('')).toBeNull();
    expect(normaliseDate('어제')).toBeNull();
    expect(normaliseDate('2022-13-01T00:00:00')).toBeNull();
    expect(normaliseDate('2022-12-20T25:00:00')).toBeNull();
  });
});

describe('parseSkinDate (what skins print)', () => {
  it('reads Ray and hELLO style `2022. 12. 20. 12:04`, also inside surrounding text', () => {
    expect(parseSkinDate('2022. 12. 20. 12:04')).toEqual({ iso: '2022-12-20T12:04:00+09:00', hasTime: true });
    expect(parseSkinDate('세진 2022. 12. 20. 12:04')).toEqual({ iso: '2022-12-20T12:04:00+09:00', hasTime: true });
    expect(parseSkinDate('2025. 4. 8. 21:40')).toEqual({ iso: '2025-04-08T21:40:00+09:00', hasTime: true });
  });

  it('reads Whatever style `2011. 6. 27.` as a day without a time', () => {
    expect(parseSkinDate('2011. 6. 27.')).toEqual({ iso: '2011-06-27T00:00:00+09:00', hasTime: false });
  });

  it('reads the backup page form `2025-06-02 16:27:20` with its seconds', () => {
    expect(parseSkinDate('2025-06-02 16:27:20')).toEqual({ iso: '2025-06-02T16:27:20+09:00', hasTime: true });
  });

  it('gives null when no date is printed', () => {
    expect(parseSkinDate('')).toBeNull();
    expect(parseSkinDate(null)).toBeNull();
    expect(parseSkinDate('카테고리 없음')).toBeNull();
  });
});

describe('parseRegDate (og:regDate)', () => {
  it('reads the 24-hour form', () => {
    expect(parseRegDate('20221220120447', null)).toBe('2022-12-20T12:04:47+09:00');
  });

  it('corrects the 12-hour form when the skin prints the same day and minute in 24 hours', () => {
    expect(parseRegDate('20100315030603', parseSkinDate('2010. 3. 15. 15:06'))).toBe('2010-03-15T15:06:03+09:00');
  });

  it('leaves the value alone when the skin cannot settle the half of the day', () => {
    expect(parseRegDate('20100315030603', null)).toBe('2010-03-15T03:06:03+09:00');
    expect(parseRegDate('20100315030603', parseSkinDate('2010. 3. 15.'))).toBe('2010-03-15T03:06:03+09:00');
    expect(parseRegDate('20100315030603', parseSkinDate('2010. 3. 16. 15:06'))).toBe('2010-03-15T03:06:03+09:00');
    expect(parseRegDate('20100315030603', parseSkinDate('2010. 3. 15. 15:07'))).toBe('2010-03-15T03:06:03+09:00');
  });

  it('gives null for anything but fourteen digits', () => {
    expect(parseRegDate('2010031503', null)).toBeNull();
    expect(parseRegDate('', null)).toBeNull();
    expect(parseRegDate(null, null)).toBeNull();
  });
});
