import type { CheerioAPI } from 'cheerio';
import type { Cheerio } from 'cheerio';
import type { Element } from 'domhandler';

/**
 * Players and frames show nothing in Markdown, and dropping them would lose them. An `<iframe>` (a map, a
 * player pasted as HTML) becomes a link to what it embedded; an uploaded `<video>`/`<audio>`
 * (`…mp4?attach=1…`) a link to the file, around its poster when it has one. As links they read like text
 * and go through the same link and image rules as any other.
 */
export function convertEmbeds($: CheerioAPI): void {
  $('iframe').each((_, frame) => {
    replaceWithLink($, $(frame), $(frame).attr('src') ?? '', '');
  });
  $('video, audio').each((_, player) => {
    const $player = $(player);
    const source = $player.attr('src') || $player.find('source[src]').first().attr('src') || '';
    replaceWithLink($, $player, source, $player.attr('poster') ?? '');
  });
}

function replaceWithLink($: CheerioAPI, element: Cheerio<Element>, rawUrl: string, poster: string): void {
  const url = rawUrl.trim();
  if (!url || /^(?:about|javascript|data):/i.test(url)) {
    element.remove();
    return;
  }
  const link = $('<a></a>').attr('href', url);
  if (poster.trim()) link.append($('<img>').attr('src', poster.trim()));
  else link.text(url);
  element.replaceWith(link);
}
