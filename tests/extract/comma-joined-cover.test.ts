import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { loadPageFixture } from '../helpers/page-fixtures.js';

describe('a cover whose og:image names two comma-joined URLs', () => {
  it('is the first of them, not one broken URL', () => {
    const ray = loadPageFixture('ray');
    const first =
      'https://scrap.kakaocdn.net/dn/bX1yZ2/hyVa3Bc4De/Fg5Hi6Jk7Lm8No9Pq0Rs1T/img.jpg?width=1280&height=720&face=0_0_1280_720';
    const second = 'https://scrap.kakaocdn.net/dn/cK2dE3/hyWb4Cd5Ef/Gh6Ij7Kl8Mn9Op0Qr1St2U/img.jpg';
    const proxy = `https://img1.daumcdn.net/thumb/R800x0/?scode=mtistory2&amp;fname=${encodeURIComponent(`${first},${second}`)}`;
    const html = ray.html.replace(/(<meta property="og:image" content=")[^"]*"/, `$1${proxy}"`);
    expect(html).toContain(proxy);
    const result = extractPost(html, ray.fetchedUrl);
    expect(result.status === 'ok' && result.meta.cover).toBe(first);
  });
});
