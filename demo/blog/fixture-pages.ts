// Whole HTML pages of the fixture blog: the skin rendered for a list, a post, the guestbook, plus
// the platform's own not-found page.

import type { FixturePost } from './fixture-data.js';
import { renderArticleBody } from './fixture-article.js';
import { skinDate } from './fixture-format.js';
import { listHead, postHead, toolbar } from './fixture-head.js';
import { categoryPath, pagePath, postPath, tagPath } from './fixture-paths.js';
import { renderSidebarBlocks, sidebarCodes } from './fixture-sidebar.js';
import { categoryLabel, postSummary, type FixtureSite } from './fixture-site.js';
import { escapeHtml } from './html-escape.js';
import { fillCodes, finishPage, repeatBlock, showBlock, type CodeValues } from './skin-engine.js';

/** Blocks of which a page shows only its own kind. */
const PAGE_KIND_BLOCKS = ['list', 'article_rep', 'article_protected', 'guest', 'paging'] as const;
type PageKindBlock = (typeof PAGE_KIND_BLOCKS)[number];
const PAGING_WINDOW = 10;

interface SkinPage {
  path: string;
  bodyId: string;
  pageTitle: string;
  head: string;
  shown: readonly PageKindBlock[];
  /** Expands the page's own repeated blocks before the final pass. */
  expand?: (template: string) => string;
  codes: CodeValues;
}

function renderSkin(site: FixtureSite, page: SkinPage): string {
  let template = page.expand ? page.expand(site.blog.skin) : site.blog.skin;
  for (const block of PAGE_KIND_BLOCKS) template = showBlock(template, block, page.shown.includes(block));
  template = renderSidebarBlocks(template, site);
  const html = finishPage(template, {
    title: escapeHtml(site.blog.title),
    desc: escapeHtml(site.blog.description),
    blog_link: `${site.origin}/`,
    page_title: escapeHtml(page.pageTitle),
    body_id: page.bodyId,
    ...sidebarCodes(site),
    ...page.codes,
  });
  return html
    .replace('</head>', `${page.head}\n</head>`)
    .replace(/<\/body>(?![\s\S]*<\/body>)/, `${toolbar(site, page.path)}\n</body>`);
}

export interface ListPageRequest {
  /** The list's own path: `/`, `/category`, `/category/…`, `/tag/…`. */
  path: string;
  bodyId: string;
  conform: string;
  posts: readonly FixturePost[];
  page: number;
  /** Appended to post links, as category lists do (`/41?category=1028402`). */
  linkQuery: string;
}

function pagingCodes(list: ListPageRequest, lastPage: number): CodeValues {
  const link = (page: number) => `href="${pagePath(list.path, page)}"`;
  return {
    prev_page: list.page > 1 ? link(Math.min(list.page, lastPage + 1) - 1) : '',
    no_more_prev: list.page > 1 ? '' : 'no-more-prev',
    next_page: list.page < lastPage ? link(list.page + 1) : '',
    no_more_next: list.page < lastPage ? '' : 'no-more-next',
  };
}

function pagingItems(list: ListPageRequest, lastPage: number): CodeValues[] {
  const first = Math.max(1, Math.min(list.page, lastPage) - Math.floor(PAGING_WINDOW / 2));
  const last = Math.min(lastPage, first + PAGING_WINDOW - 1);
  const items: CodeValues[] = [];
  for (let page = first; page <= last; page++) {
    items.push({
      paging_rep_link: `href="${pagePath(list.path, page)}"`,
      paging_rep_link_num: String(page),
      paging_rep_class: page === list.page ? 'selected' : '',
    });
  }
  return items;
}

export function renderListPage(site: FixtureSite, list: ListPageRequest): string {
  const size = site.blog.pageSize;
  const lastPage = Math.max(1, Math.ceil(list.posts.length / size));
  const shownPosts = list.posts.slice((list.page - 1) * size, list.page * size);
  const items = shownPosts.map((post) => ({
    list_rep_link: `${postPath(post, site.style)}${list.linkQuery}`,
    list_rep_title: escapeHtml(post.title),
    list_rep_summary: escapeHtml(postSummary(post)),
    list_rep_regdate: skinDate(post.published),
    list_rep_category: escapeHtml(categoryLabel(post) || '분류없음'),
  }));
  return renderSkin(site, {
    path: list.page > 1 ? pagePath(list.path, list.page) : list.path,
    bodyId: list.bodyId,
    pageTitle: list.conform,
    head: listHead(site, list.path),
    shown: ['list', 'paging'],
    expand: (template) =>
      repeatBlock(repeatBlock(template, 'list_rep', items), 'paging_rep', pagingItems(list, lastPage)),
    codes: {
      list_conform: escapeHtml(list.conform),
      list_count: String(list.posts.length),
      ...pagingCodes(list, lastPage),
    },
  });
}

/** Where the skin's category slot points: a notice names the notice list, a static page nothing. */
function categorySlot(post: FixturePost): { label: string; link: string } {
  if (post.kind === 'notice') return { label: '공지사항', link: '/notice' };
  if (post.kind === 'page') return { label: '', link: '' };
  // Skins print 분류없음 for a post without category, linking to the all-posts list.
  return { label: categoryLabel(post) || '분류없음', link: categoryPath(post.categories) };
}

function articleCodes(site: FixtureSite, post: FixturePost): CodeValues {
  const category = categorySlot(post);
  return {
    article_rep_id: post.id,
    article_rep_link: postPath(post, site.style),
    article_rep_title: escapeHtml(post.title),
    article_rep_date: skinDate(post.published),
    article_rep_author: escapeHtml(post.author),
    article_rep_category: escapeHtml(category.label),
    article_rep_category_link: category.link,
  };
}

export function renderPostPage(site: FixtureSite, post: FixturePost): string {
  const common = {
    path: postPath(post, site.style),
    bodyId: 'tt-body-page',
    pageTitle: post.title,
    head: postHead(site, post),
  };
  if (post.state === 'protected' && !site.owner) {
    return renderSkin(site, {
      ...common,
      shown: ['article_protected'],
      codes: {
        ...articleCodes(site, post),
        article_password: `entry${post.id}password`,
        article_dissolve: `reloadEntry(${post.id}); return false;`,
      },
    });
  }
  const tagLinks = post.tags.map((tag) => `<a href="${tagPath(tag)}" rel="tag">${escapeHtml(tag)}</a>`);
  return renderSkin(site, {
    ...common,
    shown: ['article_rep'],
    expand: (template) => showBlock(template, 'tag_label', tagLinks.length > 0),
    codes: {
      ...articleCodes(site, post),
      article_rep_desc: renderArticleBody(site, post),
      tag_label_rep: tagLinks.join(', '),
      comment_group: '<div class="tt-comment-cont"><div data-tistory-react-app="Comment"></div></div>',
    },
  });
}

export function renderGuestbookPage(site: FixtureSite): string {
  return renderSkin(site, {
    path: '/guestbook',
    bodyId: 'tt-body-guestbook',
    pageTitle: '방명록',
    head: listHead(site, '/guestbook'),
    shown: ['guest'],
    codes: {},
  });
}

export function renderNotFoundPage(site: FixtureSite, message: string): string {
  return fillCodes(site.blog.notFound, { absent_message: escapeHtml(message), blog_link: `${site.origin}/` });
}
