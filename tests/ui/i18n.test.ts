import { describe, expect, it } from 'vitest';
import { pickLanguage } from '../../src/ui/i18n.js';
import { MESSAGES } from '../../src/ui/messages.js';

describe('the language the app speaks', () => {
  it("is the browser's first choice among Korean and English", () => {
    expect(pickLanguage('ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('ko');
    expect(pickLanguage('ko')).toBe('ko');
    expect(pickLanguage('en-US,en;q=0.9,ko;q=0.8')).toBe('en');
    expect(pickLanguage('ja-JP,ko;q=0.8,en;q=0.5')).toBe('ko');
    expect(pickLanguage('en;q=0.4, ko;q=0.6')).toBe('ko');
  });

  it('is English when the browser names neither, or names Korean as unwanted', () => {
    expect(pickLanguage(undefined)).toBe('en');
    expect(pickLanguage('')).toBe('en');
    expect(pickLanguage('fr-FR,de;q=0.8')).toBe('en');
    expect(pickLanguage('ko;q=0, fr')).toBe('en');
  });

  it('has every word of the page in both languages', () => {
    const keys = (messages: object) => Object.keys(messages).sort();
    expect(keys(MESSAGES.ko)).toEqual(keys(MESSAGES.en));
    expect(keys(MESSAGES.ko.phase)).toEqual(keys(MESSAGES.en.phase));
    expect(keys(MESSAGES.ko.labels)).toEqual(keys(MESSAGES.en.labels));
    expect(MESSAGES.ko.start).toBe('내보내기');
  });
});
