import { load } from 'cheerio';

/** The body as a reader sees it: text only, whitespace runs folded. */
export function bodyText(bodyHtml: string): string {
  return load(bodyHtml).root().text().replace(/\s+/g, ' ');
}
