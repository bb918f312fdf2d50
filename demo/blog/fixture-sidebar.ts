// The sidebar Tistory fills in on every page: notices, recent posts and comments, counters, links, tags,
// calendar, archive and the category tree; and the blog menu above it. None of it belongs to any post.

import { listedPosts, isInCategory, type FixtureBlogData } from './fixture-data.js';
import { renderCalendar } from './fixture-calendar.js';
import { archiveMonth } from './fixture-format.js';
import { categoryPath, postPath, tagPath } from './fixture-paths.js';
import { escapeHtml } from './html-escape.js';
import type { FixtureSite } from './fixture-site.js';
import { repeatBlock, type CodeValues } from './skin-engine.js';

const RECENT_POSTS = 5;

/** The newest notices, as many as the blog's 공지사항 box shows: older ones only the `/notice` list links. */
function noticeItems(site: FixtureSite): CodeValues[] {
  return (site.blog.notices ?? [])
    .slice(0, site.blog.sidebarNotices)
    .map((notice) => ({ notice_rep_link: postPath(notice, site.style), notice_rep_title: escapeHtml(notice.title) }));
}

/** `[##_blog_menu_##]`: home, the static pages the owner put in the menu, tags and the guestbook. */
function blogMenu(site: FixtureSite): string {
  const items = [
    { className: 't_menu_home first', href: '/', title: '홈' },
    ...(site.blog.pages ?? []).map((page) => ({
      className: 't_menu_page',
      href: postPath(page, site.style),
      title: page.title,
    })),
    { className: 't_menu_tag', href: '/tag', title: '태그' },
    { className: 't_menu_guestbook last', href: '/guestbook', title: '방명록' },
  ];
  const links = items.map(
    (item) => `<li class="${item.className}"><a href="${item.href}" target="">${escapeHtml(item.title)}</a></li>`,
  );
  return `<ul class="list_gnb">${links.join('')}</ul>`;
}

function recentPostItems(site: FixtureSite): CodeValues[] {
  return listedPosts(site.blog)
    .slice(0, RECENT_POSTS)
    .map((post) => ({ rctps_rep_link: postPath(post, site.style), rctps_rep_title: escapeHtml(post.title) }));
}

function recentCommentItems(site: FixtureSite): CodeValues[] {
  return site.blog.recentComments.flatMap((comment) => {
    const post = site.blog.posts.find((candidate) => candidate.id === comment.postId);
    if (!post) return [];
    return [
      {
        rctrp_rep_link: `${postPath(post, site.style)}#comment${comment.commentId}`,
        rctrp_rep_desc: escapeHtml(comment.text),
        rctrp_rep_name: escapeHtml(comment.name),
        rctrp_rep_time: escapeHtml(comment.time),
      },
    ];
  });
}

function tagItems(blog: FixtureBlogData): CodeValues[] {
  const counts = new Map<string, number>();
  for (const post of listedPosts(blog)) for (const tag of post.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts.keys()].sort().map((tag) => ({
    tag_link: tagPath(tag),
    tag_name: escapeHtml(tag),
    tag_class: `cloud${Math.min(5, 6 - (counts.get(tag) ?? 1))}`,
  }));
}

function archiveItems(blog: FixtureBlogData): CodeValues[] {
  const counts = new Map<string, number>();
  for (const post of listedPosts(blog)) {
    const month = archiveMonth(post.published);
    counts.set(month, (counts.get(month) ?? 0) + 1);
  }
  return [...counts].map(([month, count]) => ({
    archive_rep_link: `/archive/${month}`,
    archive_rep_date: `${month.slice(0, 4)}/${month.slice(4)} (${count})`,
  }));
}

function categoryCount(blog: FixtureBlogData, path: readonly string[]): number {
  return listedPosts(blog).filter((post) => isInCategory(post, path)).length;
}

function categoryLink(blog: FixtureBlogData, path: string[], className: string): string {
  const name = path.length === 0 ? '분류 전체보기' : path[path.length - 1]!;
  return `<a href="${categoryPath(path)}" class="${className}">${escapeHtml(name)} <span class="c_cnt">(${categoryCount(blog, path)})</span></a>`;
}

/** `ul.tt_category`, Tistory's category tree markup (two levels). */
function categoryTree(blog: FixtureBlogData): string {
  const top = blog.categories.filter((category) => category.path.length === 1);
  const items = top.map((parent) => {
    const children = blog.categories.filter(
      (category) => category.path.length === 2 && category.path[0] === parent.path[0],
    );
    const sub = children.length
      ? `<ul class="sub_category_list">${children.map((child) => `<li class="">${categoryLink(blog, child.path, 'link_sub_item')}</li>`).join('')}</ul>`
      : '';
    return `<li class="">${categoryLink(blog, parent.path, 'link_item')}${sub}</li>`;
  });
  return `<ul class="tt_category"><li class="">${categoryLink(blog, [], 'link_tit')}<ul class="category_list">${items.join('')}</ul></li></ul>`;
}

/** Expands the sidebar's repeated blocks in the skin. */
export function renderSidebarBlocks(template: string, site: FixtureSite): string {
  let page = repeatBlock(template, 'rct_notice_rep', noticeItems(site));
  page = repeatBlock(page, 'rctps_rep', recentPostItems(site));
  page = repeatBlock(page, 'rctrp_rep', recentCommentItems(site));
  page = repeatBlock(
    page,
    'link_rep',
    site.blog.links.map((link) => ({ link_url: escapeHtml(link.url), link_site: escapeHtml(link.title) })),
  );
  page = repeatBlock(page, 'random_tags', tagItems(site.blog));
  return repeatBlock(page, 'archive_rep', archiveItems(site.blog));
}

export function sidebarCodes(site: FixtureSite): CodeValues {
  const { blog } = site;
  return {
    count_total: blog.counters.total.toLocaleString('en-US'),
    count_today: String(blog.counters.today),
    count_yesterday: String(blog.counters.yesterday),
    calendar: renderCalendar(blog.today, listedPosts(blog)),
    category_list: categoryTree(blog),
    blog_menu: blogMenu(site),
  };
}
