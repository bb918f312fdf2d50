// Where each known skin puts the title, category, date and the rendered body (from the anatomy).
import type { CheerioAPI } from 'cheerio';
import { selectAll } from '../util/select.js';

export interface SkinProfile {
  name: string;
  /** Container of the rendered `[##_article_rep_desc_##]` sequence. */
  container: string;
  title: string;
  category: string;
  date: string;
  /** Tells this skin from another one that shares its container. */
  recognise?: ($: CheerioAPI) => boolean;
}

export const SKINS: readonly SkinProfile[] = [
  // #2 shares Ray's `dk*` skeleton; its screen-reader heading reads "{title} 본문" instead of "티스토리 뷰".
  {
    name: 'skin2',
    container: '.area_view',
    title: '.area_title h3.tit_post, .area_title .tit_post',
    category: 'strong.tit_category a, .tit_category a',
    date: 'span.txt_detail',
    recognise: ($) => /본문\s*$/.test(selectAll($, 'h2#dkBody').first().text()),
  },
  {
    name: 'ray',
    container: '.area_view',
    title: '.area_title h3.tit_post, .area_title .tit_post',
    category: 'strong.tit_category a, .tit_category a',
    date: 'span.txt_detail',
  },
  {
    name: 'odyssey',
    container: 'div.entry-content#article-view, #article-view',
    title: '.hgroup h1',
    category: '.hgroup span.category, span.category',
    date: '.hgroup span.date, span.date',
  },
  {
    name: 'bookclub',
    container: 'div.article-view',
    title: 'h2.title-article',
    category: 'p.category',
    date: 'p.date',
  },
  {
    name: 'whatever',
    container: 'div.article_view',
    title: '.title_view',
    category: 'span.category',
    date: 'span.date',
  },
  { name: 'hello', container: 'article.content', title: 'h1.title', category: 'a.category', date: 'time.date' },
  {
    name: 'mobile',
    container: 'div.blogview_content',
    title: '.tit_blogview',
    category: 'a.txt_category',
    date: '.txt_date',
  },
];

const ALL_CONTAINERS = [...new Set(SKINS.map((skin) => skin.container))].join(', ');

/** The skin whose markers are on the page, for the facts the head does not carry; null for custom skins. */
export function detectSkin($: CheerioAPI): SkinProfile | null {
  // One walk of the page finds every known container; each skin then checks only those few elements.
  const containers = selectAll($, ALL_CONTAINERS);
  const present = SKINS.filter((skin) => containers.is(skin.container) && (skin.recognise?.($) ?? true));
  return present.find((skin) => selectAll($, skin.title).length > 0) ?? present[0] ?? null;
}

/** Containers custom skins commonly use for the post body, tried after every known skin. */
export const GENERIC_CONTAINERS: readonly string[] = [
  '[itemprop="articleBody"]',
  '.entry-content',
  '.article-content',
  '.post-content',
  '.article_content',
  '#content article',
  'article',
];

/** Skin text that stands for "no category" and links to `/category`. */
export const NO_CATEGORY_LABELS: readonly string[] = ['카테고리 없음', '분류없음', '분류 없음'];
