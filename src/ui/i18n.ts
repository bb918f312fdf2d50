/** The languages the app speaks: Korean for most of Tistory's writers, English for everyone else. */
export type Language = 'ko' | 'en';

/**
 * The language of the browser's first choice that the app speaks (`Accept-Language`, as the browser sends
 * it from `navigator.languages`), English when none is.
 */
export function pickLanguage(acceptLanguage: string | undefined): Language {
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((choice) => choice.tag !== '' && choice.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of wanted) {
    const primary = tag.split('-')[0];
    if (primary === 'ko') return 'ko';
    if (primary === 'en') return 'en';
  }
  return 'en';
}
