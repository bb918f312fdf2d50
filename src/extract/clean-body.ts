import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { removeActiveContent } from './active-content.js';
import { descendantsOf, removeNode, someDescendant } from './walk.js';
import { AD_LABELS, AD_UNITS, CONTAINER_CHROME } from './chrome.js';
import { SKINS } from './skins.js';
import { selectWithin } from '../util/select.js';

/** Never content, wherever it sits. */
const NEVER_CONTENT = 'script, style, noscript, link, meta, template';
const MEDIA = 'img, video, audio, iframe, figure, table, hr, pre, object, embed';
const MEDIA_TAGS = new Set(MEDIA.split(', '));

/**
 * Removes everything from a located body that is not the author's writing. Mutates the node. The editor's
 * markup (figure, data-ke-*, data-url) stays: the converter reads it.
 */
export function cleanBody($: CheerioAPI, body: Cheerio<AnyNode>, fromContainer: boolean): void {
  removeComments(body);
  selectWithin($, body[0]!, NEVER_CONTENT).remove();
  removeActiveContent(body);
  removeAdUnits($, body);
  if (fromContainer) {
    selectWithin($, body[0]!, CONTAINER_CHROME).remove();
    removeTagBoxes($, body);
    // A skin container may repeat the title, category and date above the post.
    for (const skin of SKINS) selectWithin($, body[0]!, [skin.title, skin.category, skin.date].join(', ')).remove();
    selectWithin($, body[0]!, '.contents_style').each((_, element) => {
      $(element).replaceWith($(element).contents());
    });
  }
}

/** True when the cleaned body holds neither text nor media: nothing of the post was found. */
export function isEmptyBody(body: Cheerio<AnyNode>): boolean {
  // Stops at the first word or picture: a post body is seldom empty, and its whole text is long.
  return !someDescendant(body.toArray(), (node) =>
    node.type === 'text' ? /\S/.test(node.data) : node.type === 'tag' && MEDIA_TAGS.has(node.name),
  );
}

function removeAdUnits($: CheerioAPI, body: Cheerio<AnyNode>): void {
  // Outermost units only: an inner one goes with its unit.
  selectWithin($, body[0]!, AD_UNITS)
    .filter((_, element) => $(element).parents(AD_UNITS).length === 0)
    .each((_, element) => {
      const ad = $(element);
      // Pasted ads come wrapped in a <center> (or a bare div/p), often under a "반응형" label: when the
      // wrapper holds nothing else, it goes too. A wrapper with the author's own words stays.
      let wrapper = ad.parent();
      ad.remove();
      while (wrapper.length > 0 && !wrapper.is(body) && holdsOnlyAdResidue(wrapper)) {
        const next = wrapper.parent();
        wrapper.remove();
        wrapper = next;
      }
    });
}

/** Text a skin's tag box may hold besides its links: a label such as "태그" or "Tag", and separators. */
const TAG_BOX_LABEL_MAX = 20;

/**
 * A skin's tag list (`a[rel=tag]` links, which the editor never writes) can sit inside the container under
 * any class name. The box holding the links goes, together with the wrappers around it that add nothing
 * but a label.
 */
function removeTagBoxes($: CheerioAPI, body: Cheerio<AnyNode>): void {
  const boxes = new Set(selectWithin($, body[0]!, 'a[rel~="tag"]').parent().toArray());
  for (const element of boxes) {
    let box = $(element);
    if (box.is(body)) {
      box.children('a[rel~="tag"]').remove();
      continue;
    }
    if (!holdsOnlyTagsAndLabel(box)) continue;
    while (box.parent().length > 0 && !box.parent().is(body) && holdsOnlyTagsAndLabel(box.parent())) box = box.parent();
    box.remove();
  }
}

function holdsOnlyTagsAndLabel(node: Cheerio<AnyNode>): boolean {
  const rest = node.clone();
  rest.find('a[rel~="tag"]').remove();
  return rest.find(MEDIA).length === 0 && visibleText(rest).replace(/\s+/g, ' ').length <= TAG_BOX_LABEL_MAX;
}

function holdsOnlyAdResidue(node: Cheerio<AnyNode>): boolean {
  if (node.find(MEDIA).length > 0) return false;
  const words = visibleText(node).split(/\s+/).filter(Boolean);
  return words.every((word) => AD_LABELS.includes(word));
}

function visibleText(node: Cheerio<AnyNode>): string {
  return node
    .text()
    .replace(/\u00a0/g, ' ')
    .trim();
}

function removeComments(body: Cheerio<AnyNode>): void {
  for (const node of descendantsOf(body.toArray())) if (node.type === 'comment') removeNode(node);
}
