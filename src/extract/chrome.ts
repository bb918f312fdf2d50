// Selectors for what surrounds a post on a Tistory page, from the anatomy. Shared by body cleaning and
// page classification so both agree on what is not the author's writing.

/** Ad units Tistory inserts around the body, and ones authors paste into it. */
export const AD_UNITS = '.revenue_unit_wrap, .revenue_unit_item, ins.adsbygoogle, ins.kakao_ad_area';

/** Text an ad unit prints above itself: residue once the ad is gone, never author text on its own. */
export const AD_LABELS: readonly string[] = ['728x90', '반응형', '300x250', '320x100', '광고', 'AD', 'Advertisement'];

/** Tistory's own blocks after the body and the page furniture every skin has. */
export const PAGE_CHROME = [
  '.revenue_unit_wrap',
  '.container_postbtn',
  '.postbtn_like',
  '.another_category',
  '[data-tistory-react-app]',
  '.area_reply',
  '#comments',
  '.comments',
  '.tt-calendar',
  '.tt_category',
  '.menu_toolbar',
  '#menubar',
  '.screen_out',
  'aside',
  '#sidebar',
  '.area_aside',
  'nav',
  'footer',
  '#footer',
].join(', ');

/** Further chrome a skin container may hold around the post; only stripped when the body came from such a container. */
export const CONTAINER_CHROME = [
  PAGE_CHROME,
  '.wrap_btn',
  '.comment',
  '.area_tag',
  '.tag_area',
  '.tags',
  '.tag-list',
  '.post-tags',
  '.area_related',
  '.related-articles',
  '.protected_form',
  '.tt_box_namecard',
  '.namecard',
  'header',
  'form',
  'button',
  'iframe[src*="googleads"]',
  'iframe[src*="doubleclick"]',
].join(', ');
