import { load } from 'cheerio';

/** The body as a reader sees it: text only, whitespace runs folded. */
export function bodyText(bodyHtml: string): string {
  return load(bodyHtml).root().text().replace(/\s+/g, ' ');
}

/** Text with runs of whitespace (including &nbsp;) collapsed, for phrase matching. */
export function flatten(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}
