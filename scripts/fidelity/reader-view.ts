import * as cheerio from 'cheerio';
import type { CheerioAPI } from 'cheerio';

/** What a reader gets from a page of HTML: its words and the things that must all arrive. */
export interface ReaderView {
  words: string[];
  counts: Counts;
}

export interface Counts {
  images: number;
  links: number;
  codeBlocks: number;
  tableCells: number;
  listItems: number;
}

export const COUNT_NAMES: readonly (keyof Counts)[] = ['images', 'links', 'codeBlocks', 'tableCells', 'listItems'];

// Never shown as text. `.og-loading` is the editor's "loading" placeholder, saved by mistake.
const INVISIBLE = 'script, style, noscript, template, iframe, video, audio, object, embed, .og-loading';
// Where a Flash-era <object> names what it plays.
const PLAYER_SOURCES =
  'param[name="movie" i][value], param[name="src" i][value], param[name="url" i][value], embed[src], object[data]';
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);
// Letters, digits and marks make words; an emoji is a word of its own. Punctuation is not counted: Markdown
// may legitimately add or drop it (escapes, list markers).
const WORD = /[\p{L}\p{N}\p{M}]+|\p{Extended_Pictographic}/gu;

/**
 * The reader's view of HTML. An embedded player is a link to what it plays (and an image when it has a
 * poster or thumbnail); a link that shows only its own address adds no words; a one-cell table is a box
 * drawn around text, not a table.
 */
export function readerView(html: string): ReaderView {
  const $ = cheerio.load(html, null, false);
  const counts = countThings($);
  $(INVISIBLE).remove();
  $('a[href]').each((_, anchor) => {
    if ($(anchor).text().trim() === ($(anchor).attr('href') ?? '').trim()) $(anchor).remove();
  });
  return { words: textOf($).match(WORD) ?? [], counts };
}

function countThings($: CheerioAPI): Counts {
  const videoBlocks = $('figure[data-ke-type="video" i]');
  const media = $('video, audio').filter((_, element) =>
    Boolean($(element).attr('src') || $(element).find('source[src]').length),
  );
  const images =
    $('img').filter((_, img) => Boolean($(img).attr('src') || $(img).attr('data-src') || $(img).attr('srcset')))
      .length +
    videoBlocks.filter(
      (_, block) => $(block).find('img').length === 0 && Boolean($(block).attr('data-video-thumbnail')),
    ).length +
    media.filter((_, element) => Boolean($(element).attr('poster'))).length;
  const anchors = $('a[href]').filter((_, anchor) => {
    const href = $(anchor).attr('href') ?? '';
    const shows = $(anchor).text().trim() !== '' || $(anchor).find('img').length > 0;
    return shows && !/^javascript:/i.test(href.trim());
  });
  const frames = $('iframe[src]').filter((_, frame) => $(frame).closest('figure[data-ke-type="video" i]').length === 0);
  // A Flash-era player: the outermost <object>, or an <embed> on its own.
  const flashPlayers = $('object')
    .filter((_, object) => $(object).parents('object').length === 0)
    .filter((_, object) => Boolean($(object).attr('data')) || $(object).find(PLAYER_SOURCES).length > 0)
    .add($('embed[src]').filter((_, embed) => $(embed).parents('object').length === 0));
  const playableBlocks = videoBlocks.filter((_, block) => $(block).find('video').length === 0);
  return {
    images,
    links: anchors.length + frames.length + playableBlocks.length + media.length + flashPlayers.length,
    codeBlocks: $('pre, xmp').length,
    tableCells: $('table')
      .filter((_, table) => $(table).find('td, th').length > 1)
      .find('td, th')
      .filter((_, cell) => $(cell).closest('table').find('td, th').length > 1).length,
    listItems: $('li').length,
  };
}

/** Text with a space wherever a block or line break separates words. */
function textOf($: CheerioAPI): string {
  const parts: string[] = [];
  const walk = (nodes: ReturnType<CheerioAPI>) => {
    nodes.each((_, node) => {
      if (node.type === 'text') parts.push(node.data);
      else if (node.type === 'tag') {
        const block = BLOCKS.has(node.tagName.toLowerCase());
        if (block) parts.push(' ');
        walk($(node).contents());
        if (block) parts.push(' ');
      }
    });
  };
  walk($.root().contents());
  return parts.join('');
}
