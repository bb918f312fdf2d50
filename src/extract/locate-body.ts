import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import type { BodyFoundBy } from '../types.js';
import { PAGE_CHROME } from './chrome.js';
import { scoreBody } from './score-body.js';
import { GENERIC_CONTAINERS, SKINS } from './skins.js';

export interface BodyCandidate {
  node: Cheerio<AnyNode>;
  foundBy: BodyFoundBy;
  /** What matched, for messages. */
  selector: string;
}

/**
 * Tistory's own marks on the rendered post, in the order tried. `.contents_style` is what
 * `[##_article_rep_desc_##]` renders in every skin; match the one class, not the two-class string, because
 * old-editor posts carry it alone. Hand-made old skins may keep only `tt_article_useless_p_margin`.
 */
export const BODY_MARKS: readonly string[] = ['.contents_style', '.tt_article_useless_p_margin'];

/** Containers of the known skins, each once (skin #2 shares Ray's). */
export const SKIN_CONTAINERS: readonly string[] = [...new Set(SKINS.map((skin) => skin.container))];

/**
 * Where the post body may be, most certain first: Tistory's body mark (which, when present, is the post:
 * nothing after it is offered), then the known skins' containers, generic containers, and last the element
 * the paragraph scorer guesses. Lazy: a later candidate is looked for only when the earlier ones were
 * refused, and sees the page as their cleaning left it.
 */
export function* bodyCandidates($: CheerioAPI): Generator<BodyCandidate> {
  for (const mark of BODY_MARKS) {
    const marked = markedBody($, mark);
    if (marked) {
      yield { node: $(marked), foundBy: 'skin', selector: mark };
      return;
    }
  }
  for (const selector of [...SKIN_CONTAINERS, ...GENERIC_CONTAINERS]) {
    for (const element of $(selector).toArray()) {
      if ($(element).closest(PAGE_CHROME).length === 0 && contentSize($, element) > 0) {
        yield { node: $(element), foundBy: 'container', selector };
      }
    }
  }
  const scored = scoreBody($);
  if (scored) yield { node: scored.node, foundBy: 'scored', selector: scored.selector };
}

/** The outermost element with `mark` outside the page chrome; the largest one in a skin container when there are several. */
function markedBody($: CheerioAPI, mark: string): AnyNode | null {
  // Other posts' previews (related boxes, sidebars, comments) may carry the class too.
  const candidates = $(mark)
    .toArray()
    .filter((element) => $(element).parents(mark).length === 0 && $(element).closest(PAGE_CHROME).length === 0);
  if (candidates.length === 0) return null;
  const inSkin = candidates.filter((element) => SKINS.some((skin) => $(element).closest(skin.container).length > 0));
  const pool = inSkin.length > 0 ? inSkin : candidates;
  return pool.reduce((best, element) => (contentSize($, element) > contentSize($, best) ? element : best));
}

/** Text length plus media, so an image-only post still counts as content. */
function contentSize($: CheerioAPI, element: AnyNode): number {
  return $(element).text().trim().length + $(element).find('img, video, iframe').length;
}
