// What `[##_article_rep_desc_##]` renders: ads, the post itself in `.contents_style`, more ads, the
// post buttons and the other-posts-in-this-category box, in that order.

import { listedPosts, samePath, type FixturePost } from './fixture-data.js';
import { dottedDate } from './fixture-format.js';
import { GENERIC_OG_IMAGE } from './fixture-head.js';
import { categoryPath, postPath } from './fixture-paths.js';
import { escapeHtml } from './html-escape.js';
import { categoryLabel, postSummary, postUrl, type FixtureSite } from './fixture-site.js';

const OTHER_POSTS_SHOWN = 6;

const UPPER_AD = `<!-- System - START -->
<div class="revenue_unit_wrap">
  <div class="revenue_unit_item adfit">
    <div class="revenue_unit_info">728x90</div>
    <ins class="kakao_ad_area" style="display: none;" data-ad-unit="DAN-fX1kR2tQ9wZ3mB7c" data-ad-width="728" data-ad-height="90"></ins>
    <script type="text/javascript" src="//t1.daumcdn.net/kas/static/ba.min.js" async="async"></script>
  </div>
</div>
<!-- System - END -->`;

const LOWER_AD = `<!-- System - START -->
<div class="revenue_unit_wrap">
  <div class="revenue_unit_item adsense responsive">
    <div class="revenue_unit_info">반응형</div>
    <script src="//pagead2.googlesyndication.com/pagead/js/adsbygoogle.js" async="async"></script>
    <ins class="adsbygoogle" style="display: block;" data-ad-host="ca-host-pub-9691043933427338" data-ad-client="ca-pub-0000000000000000" data-ad-format="auto"></ins>
    <script>(adsbygoogle = window.adsbygoogle || []).push({});</script>
  </div>
</div>
<!-- System - END -->`;

function postButtons(site: FixtureSite, post: FixturePost): string {
  const { blog } = site;
  return `<div class="container_postbtn #post_button_group">
  <div class="postbtn_like"><script>window.ReactionButtonType = 'reaction'; window.ReactionApiUrl = '//${blog.name}.tistory.com/reaction'; window.ReactionReqBody = { entryId: ${post.id} }</script>
    <div class="wrap_btn" id="reaction-${post.id}" data-tistory-react-app="Reaction"></div>
    <div class="wrap_btn wrap_btn_share"><button type="button" class="btn_post sns_btn btn_share" aria-expanded="false" data-thumbnail-url="${escapeHtml(post.ogImage ?? GENERIC_OG_IMAGE)}" data-title="${escapeHtml(post.title)}" data-description="${escapeHtml(postSummary(post))}" data-profile-name="${escapeHtml(post.author)}" data-pc-url="${escapeHtml(postUrl(site, post))}" data-relative-pc-url="${escapeHtml(postPath(post, site.style))}" data-blog-title="${escapeHtml(blog.title)}"><span class="ico_postbtn ico_share">공유하기</span></button>
      <div class="layer_post" id="tistorySnsLayer"></div>
    </div>
    <div class="wrap_btn wrap_btn_etc" data-entry-id="${post.id}" data-entry-visibility="public" data-category-visibility="public"><button type="button" class="btn_post btn_etc2" aria-expanded="false"><span class="ico_postbtn ico_etc">게시글 관리</span></button>
      <div class="layer_post" id="tistoryEtcLayer"></div>
    </div>
    <button type="button" class="btn_menu_toolbar btn_subscription #subscribe" data-blog-id="${blog.blogId}" data-url="${escapeHtml(postUrl(site, post))}" data-device="web_pc"><em class="txt_state">구독하기</em><strong class="txt_tool_id">${escapeHtml(blog.title)}</strong><span class="img_common_tistory ico_check_type1"></span></button>
    <div data-tistory-react-app="SupportButton"></div>
  </div>
  <div class="postbtn_ccl" data-ccl-type="1" data-ccl-derive="2">
    <a href="https://creativecommons.org/licenses/by/4.0/deed.ko" target="_blank" class="link_ccl" rel="license">
      <span class="bundle_ccl"><span class="ico_postbtn ico_ccl1">저작자표시</span></span>
      <span class="screen_out">(새창열림)</span>
    </a>
  </div>
</div>`;
}

function otherPostsInCategory(site: FixtureSite, post: FixturePost): string {
  if (post.categories.length === 0) return '';
  const others = listedPosts(site.blog)
    .filter((other) => samePath(other.categories, post.categories))
    .slice(0, OTHER_POSTS_SHOWN);
  const cells = others.map((other) => {
    const current = other.id === post.id ? ' class="current"' : '';
    return `<a href="${postPath(other, site.style)}"${current}>${escapeHtml(other.title)}</a>&nbsp;&nbsp;<span>(${dottedDate(other.published)})</span>`;
  });
  const rows: string[] = [];
  for (let index = 0; index < cells.length; index += 2) {
    rows.push(`<tr><th>${cells[index]}</th><td>${cells[index + 1] ?? ''}</td></tr>`);
  }
  return `<div class="another_category another_category_color_gray">
  <h4>'<a href="${categoryPath(post.categories)}">${escapeHtml(categoryLabel(post))}</a>' 카테고리의 다른 글</h4>
  <table>
    ${rows.join('\n    ')}
  </table>
</div>`;
}

export function renderArticleBody(site: FixtureSite, post: FixturePost): string {
  const wrapper = post.editor === 'old' ? 'contents_style' : 'tt_article_useless_p_margin contents_style';
  return [
    UPPER_AD,
    `<div class="${wrapper}">${post.body}</div>`,
    LOWER_AD,
    postButtons(site, post),
    '<!-- PostListinCategory - START -->',
    otherPostsInCategory(site, post),
    '<!-- PostListinCategory - END -->',
  ].join('\n');
}
