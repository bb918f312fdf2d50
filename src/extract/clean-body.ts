import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { SKINS } from './skins.js';

/** Ad units Tistory inserts, and ones authors paste into the body. */
const AD_UNITS = '.revenue_unit_wrap, ins.adsbygoogle, ins.kakao_ad_area, .revenue_unit_item';
/** Never content, wherever it sits. */
const NEVER_CONTENT = 'script, style, noscript, link, meta, template';
/** Chrome a skin container wraps around the post; only stripped when the body came from such a container. */
const SKIN_CHROME = [
  '.container_postbtn', '.postbtn_like', '.wrap_btn', '.another_category', '[data-tistory-react-app]',
  '.area_reply', '#comments', '.comments', '.comment', '.tt-calendar', '.tt_category', '.menu_toolbar',
  '.screen_out', '.area_tag', '.tag_area', '.tags', '.tag-list', '.area_related', '.related-articles',
  '.protected_form', '.tt_box_namecard', '.namecard', 'aside', 'nav', 'footer', 'header', 'form', 'button',
  'iframe[src*="ads"]',
].join(', ');

/** Removes everything from a located body that is not the author's writing. Mutates the node. */
export function cleanBody($: CheerioAPI, body: Cheerio<AnyNode>, stripSkinChrome: boolean): void {
  removeComments(body);
  body.find(NEVER_CONTENT).remove();
  removeAdUnits($, body);
  if (stripSkinChrome) {
    body.find(SKIN_CHROME).remove();
    // A skin container may repeat the title, category and date above the post.
    for (const skin of SKINS) body.find([skin.title, skin.category, skin.date].join(', ')).remove();
    body.find('.contents_style').each((_, element) => {
      $(element).replaceWith($(element).contents());
    });
  }
}

function removeAdUnits($: CheerioAPI, body: Cheerio<AnyNode>): void {
  body.find(AD_UNITS).each((_, element) => {
    const ad = $(element);
    // Pasted ads come wrapped in a <center> (or a bare div/p) holding nothing else: drop the wrapper too.
    let wrapper = ad.parent();
    ad.remove();
    while (wrapper.length > 0 && !wrapper.is(body) && isEmpty($, wrapper)) {
      const next = wrapper.parent();
      wrapper.remove();
      wrapper = next;
    }
  });
}

function isEmpty($: CheerioAPI, node: Cheerio<AnyNode>): boolean {
  return node.text().replace(/\u00a0/g, ' ').trim() === '' && node.find('img, video, iframe, figure, table, hr').length === 0;
}

function removeComments(body: Cheerio<AnyNode>): void {
  body.find('*').addBack().contents().filter((_, node) => node.type === 'comment').remove();
}
