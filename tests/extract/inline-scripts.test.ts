import { describe, expect, it } from 'vitest';
import { readEntryInfo } from '../../src/extract/inline-scripts.js';

/** The inline script block as Tistory writes it into every post page's head. */
function platformScript(entryInfo: string): string {
  return `if (!window.T) { window.T = {} }
window.T.config = {"TOP_SSL_URL":"https://www.tistory.com","ROLE":"guest","BLOG":{"id":4820193,"name":"sejin-dev"},"USER":{"name":null,"id":0}};
window.T.entryInfo = ${entryInfo};
window.appInfo = {"domain":"tistory.com"};
window.TistoryBlog = {
    basePath: "",
    url: "https://sejin-dev.tistory.com",
    tistoryUrl: "https://sejin-dev.tistory.com",
    token: "Qk3vN8x0RmT1cY7aW2pLsE5u9Hd4Gf6jZ0oB+guest=="
};`;
}

describe('readEntryInfo', () => {
  it('reads the post id and the category path', () => {
    const scripts = platformScript('{"entryId":30,"isAuthor":false,"categoryId":515509,"categoryLabel":"IT/DevOps"}');
    expect(readEntryInfo(scripts)).toEqual({ entryId: '30', categoryLabel: 'IT/DevOps' });
  });

  it('keeps an empty label for a post with no category', () => {
    const scripts = platformScript('{"entryId":7,"isAuthor":false,"categoryId":0,"categoryLabel":""}');
    expect(readEntryInfo(scripts)).toEqual({ entryId: '7', categoryLabel: '' });
  });

  it('is not cut short by braces, semicolons or escaped quotes inside a category name', () => {
    const scripts = platformScript('{"entryId":12,"categoryLabel":"C/C++; {템플릿} \\"심화\\""}');
    expect(readEntryInfo(scripts)).toEqual({ entryId: '12', categoryLabel: 'C/C++; {템플릿} "심화"' });
  });

  it('reads entryInfo written without spaces and with the window prefix left out', () => {
    expect(readEntryInfo('T.entryInfo={"entryId":"41","categoryLabel":"개발/Python"};')).toEqual({
      entryId: '41',
      categoryLabel: '개발/Python',
    });
  });

  it('gives a null id when the page has none, and null when entryInfo is missing or broken', () => {
    expect(readEntryInfo(platformScript('{"entryId":null,"categoryLabel":"일상"}'))).toEqual({
      entryId: null,
      categoryLabel: '일상',
    });
    expect(readEntryInfo('window.T.config = {"ROLE":"guest"};')).toBeNull();
    expect(readEntryInfo('window.T.entryInfo = {"entryId":30,"categoryLabel":')).toBeNull();
    expect(readEntryInfo("window.T.entryInfo = {entryId: 30, categoryLabel: 'x'};")).toBeNull();
  });

  it('never picks up the session values around it', () => {
    const info = readEntryInfo(platformScript('{"entryId":30,"categoryLabel":"개발"}'));
    expect(JSON.stringify(info)).not.toContain('guest==');
    expect(JSON.stringify(info)).not.toContain('sejin-dev');
  });
});
