import { describe, expect, it } from 'vitest';
import { normaliseDate, parseRegDate, parseSkinDate } from '../../src/extract/dates.js';

describe('normaliseDate', () => {
  it('keeps an explicit offset and gives zone-less Tistory forms +09:00', () => {
    expect(normaliseDate('2022-12-20T12:04:47+09:00')).toBe('2022-12-20T12:04:47+09:00');
    expect(normaliseDate('20221220T12:04:47')).toBe('2022-12-20T12:04:47+09:00');
    expect(normaliseDate('2025-06-02 16:27:20')).toBe('2025-06-02T16:27:20+09:00');
    expect(normaliseDate('2022-12-19T15:30:00Z')).toBe('2022-12-20T00:30:00+09:00');
    expect(normaliseDate('어제')).toBeNull();
  });
});

describe('parseRegDate', () => {
  const skin = (text: string) => parseSkinDate(text);

  it('takes the afternoon hour from a 24-hour skin time when og:regDate is in 12-hour form', () => {
    expect(parseRegDate('20160308030603', skin('2016. 3. 8. 15:06'))).toBe('2016-03-08T15:06:03+09:00');
  });

  it('keeps og:regDate when the skin prints no time, another minute, or another day', () => {
    expect(parseRegDate('20160308030603', skin('2016. 3. 8.'))).toBe('2016-03-08T03:06:03+09:00');
    expect(parseRegDate('20160308030603', skin('2016. 3. 8. 15:07'))).toBe('2016-03-08T03:06:03+09:00');
    expect(parseRegDate('20160308030603', skin('2016. 3. 9. 15:06'))).toBe('2016-03-08T03:06:03+09:00');
    expect(parseRegDate('20160308150603', null)).toBe('2016-03-08T15:06:03+09:00');
  });
});
