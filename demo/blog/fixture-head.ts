// What the Tistory platform injects into every page around the skin: head metadata and scripts, and the toolbar.

import type { FixturePost } from './fixture-data.js';
import { categoryId } from './fixture-data.js';
import { regDate, structuredDataDate } from './fixture-format.js';
import { escapeHtml, scriptJson } from './html-escape.js';
import { categoryLabel, postSummary, postUrl, type FixtureSite } from './fixture-site.js';

export const GENERIC_OG_IMAGE = 'https://t1.daumcdn.net/tistory_admin/static/images/openGraph/opengraph.png';

function meta(attribute: 'name' | 'property', key: string, content: string): string {
  return `<meta ${attribute}="${key}" content="${escapeHtml(content)}"/>`;
}

function platformScripts(site: FixtureSite, entryInfo: object | null): string {
  const { blog } = site;
  const config = {
    TOP_SSL_URL: 'https://www.tistory.com',
    PREVIEW: false,
    ROLE: 'guest',
    BLOG: {
      id: Number(blog.blogId),
      name: blog.name,
      title: blog.title,
      isDormancy: false,
      nickName: blog.author,
      status: 'open',
      profileStatus: 'normal',
    },
    NEED_COMMENT_LOGIN: false,
    LOGIN_URL: `https://www.tistory.com/auth/login/?redirectUrl=${encodeURIComponent(site.origin)}`,
    DEFAULT_URL: site.origin,
    USER: { name: null, homepage: null, id: 0, profileImage: null },
    IS_LOGIN: false,
    HAS_BLOG: false,
    TOP_URL: 'http://www.tistory.com',
    PHASE: 'prod',
    ROLE_GROUP: 'visitor',
  };
  return `<script type="text/javascript">
if (window.T === undefined) window.T = {};
window.T.config = ${scriptJson(config)};
${entryInfo ? `window.T.entryInfo = ${scriptJson(entryInfo)};` : ''}
window.appInfo = {"domain":"tistory.com","topUrl":"https://www.tistory.com","loginUrl":"https://www.tistory.com/auth/login","logoutUrl":"https://www.tistory.com/auth/logout"};
window.initData = {};
window.TistoryBlog = {
    basePath: "",
    url: ${scriptJson(site.origin)},
    tistoryUrl: ${scriptJson(blog.tistoryUrl)},
    manageUrl: ${scriptJson(`${blog.tistoryUrl}/manage`)},
    token: "m0cKt0k3n+Fixture/GuestSession=="
};
</script>
<script type="text/javascript" src="https://t1.daumcdn.net/tistory_admin/frontend/tistory-web-top/v3.0.0/index.js"></script>`;
}

function structuredData(site: FixtureSite, post: FixturePost, image: string): string {
  const url = postUrl(site, post);
  const data = {
    '@context': 'http://schema.org',
    '@type': 'BlogPosting',
    mainEntityOfPage: { '@id': url },
    url,
    headline: post.title,
    description: postSummary(post),
    author: { '@type': 'Person', name: post.author, logo: null },
    image: { '@type': 'ImageObject', url: image, width: '800px', height: '800px' },
    datePublished: structuredDataDate(post.published),
    dateModified: structuredDataDate(post.modified),
    publisher: {
      '@type': 'Organization',
      name: 'TISTORY',
      logo: { '@type': 'ImageObject', url: GENERIC_OG_IMAGE, width: '800px', height: '800px' },
    },
  };
  return `<!-- BEGIN STRUCTURED_DATA --><script type="application/ld+json">${scriptJson(data)}</script><!-- END STRUCTURED_DATA -->`;
}

export function postHead(site: FixtureSite, post: FixturePost): string {
  const url = postUrl(site, post);
  const image = post.ogImage ?? GENERIC_OG_IMAGE;
  const description = postSummary(post);
  const entryInfo = {
    entryId: Number(post.id),
    isAuthor: false,
    categoryId: Number(categoryId(site.blog, post.categories) ?? 0),
    categoryLabel: categoryLabel(post),
  };
  const statesId = post.statesId !== false;
  return [
    `<link rel="canonical" href="${escapeHtml(url)}"/>`,
    meta('property', 'og:type', 'article'),
    meta('property', 'og:url', url),
    meta('property', 'og.article.author', post.author),
    meta('property', 'og:site_name', site.blog.title),
    meta('property', 'og:title', post.title),
    meta('name', 'by', post.author),
    meta('property', 'og:description', description),
    meta('property', 'og:image', image),
    meta('name', 'description', description),
    meta('property', 'article:published_time', post.published),
    meta('property', 'article:modified_time', post.modified),
    ...(statesId ? [meta('property', 'article:txid', `${site.blog.blogId}_${post.id}`)] : []),
    meta('property', 'og:regDate', regDate(post.published)),
    meta('name', 'twitter:card', 'summary_large_image'),
    meta('name', 'twitter:site', '@TISTORY'),
    meta('name', 'twitter:title', post.title),
    meta('name', 'twitter:description', description),
    meta('property', 'twitter:image', image),
    structuredData(site, post, image),
    platformScripts(site, statesId ? entryInfo : null),
  ].join('\n');
}

export function listHead(site: FixtureSite, path: string): string {
  const { blog } = site;
  return [
    `<link rel="canonical" href="${escapeHtml(site.origin + path)}"/>`,
    meta('property', 'og:type', 'website'),
    meta('property', 'og:url', site.origin + path),
    meta('property', 'og:site_name', blog.title),
    meta('property', 'og:title', blog.title),
    meta('property', 'og:description', blog.description),
    meta('property', 'og:image', GENERIC_OG_IMAGE),
    meta('name', 'description', blog.description),
    `<link rel="alternate" type="application/rss+xml" title="${escapeHtml(blog.title)}" href="${escapeHtml(site.origin)}/rss"/>`,
    platformScripts(site, null),
  ].join('\n');
}

/** The guest toolbar and trailing scripts Tistory appends to the body. */
export function toolbar(site: FixtureSite, path: string): string {
  const { blog } = site;
  return `<div class="#menubar menu_toolbar ">
  <h2 class="screen_out">티스토리툴바</h2>
  <div class="btn_tool"><button class="btn_menu_toolbar btn_subscription #subscribe" data-blog-id="${blog.blogId}" data-url="${escapeHtml(site.origin + path)}" data-device="web_pc"><strong class="txt_tool_id">${escapeHtml(blog.title)}</strong><em class="txt_state">구독하기</em><span class="img_common_tistory ico_check_type1"></span></button></div>
</div>
<div class="layer_tooltip"><div class="inner_layer_tooltip"><p class="desc_g"></p></div></div>
<script type="text/javascript">window.roosevelt_params_queue = window.roosevelt_params_queue || [{channelId: 'dk', channelLabel: '{tistory}'}]</script>
<script type="text/javascript" src="//t1.daumcdn.net/midas/rt/dk_bt/roosevelt_dk_bt.js" async="async"></script>`;
}
