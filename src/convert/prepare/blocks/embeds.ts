import type { CheerioAPI } from 'cheerio';
import type { Cheerio } from 'cheerio';
import type { Element } from 'domhandler';
import { flashPlayerUrl } from './flash-player-url.js';
import { selectAll } from '../../../util/select.js';

/**
 * Players and frames show nothing in Markdown, and dropping them would lose them. An `<iframe>` (a map, a
 * player pasted as HTML) becomes a link to what it embedded; an uploaded `<video>`/`<audio>`
 * (`…mp4?attach=1…`) a link to the file, around its poster when it has one; a Flash-era `<object>` or
 * `<embed>` a link to what it played. As links they read like text and go through the same link and
 * image rules as any other.
 */
export function convertEmbeds($: CheerioAPI): void {
  selectAll($, 'iframe').each((_, frame) => {
    replaceWithLink($, $(frame), $(frame).attr('src') ?? '', '');
  });
  selectAll($, 'video, audio').each((_, player) => {
    const $player = $(player);
    const source = $player.attr('src') || $player.find('source[src]').first().attr('src') || '';
    replaceWithLink($, $player, source, $player.attr('poster') ?? '');
  });
  convertFlashPlayers($);
}

/**
 * A Flash-era `<object>` or `<embed>` becomes a link to what it played: no browser plays it any more,
 * in Markdown or in HTML.
 */
export function convertFlashPlayers($: CheerioAPI): void {
  // The usual paste nests an <embed> (for other browsers) in the <object> (for Internet Explorer), and
  // sometimes an <object> in an <object>: the outermost one is the player, and stands for the rest.
  selectAll($, 'object')
    .filter((_, object) => $(object).parents('object').length === 0)
    .each((_, object) => {
      const $object = $(object);
      const source =
        $object.find('param[name="movie" i], param[name="src" i], param[name="url" i]').first().attr('value') ||
        $object.attr('data') ||
        $object.find('embed[src]').first().attr('src') ||
        $object.find('object[data]').first().attr('data') ||
        '';
      replaceWithLink($, $object, flashPlayerUrl(source), '');
    });
  selectAll($, 'embed').each((_, embed) => {
    replaceWithLink($, $(embed), flashPlayerUrl($(embed).attr('src') ?? ''), '');
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
