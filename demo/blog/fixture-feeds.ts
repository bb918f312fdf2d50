// robots.txt, sitemap.xml and the RSS feed of the fixture blog.

import { listedPosts } from './fixture-data.js';
import { rfc822Date } from './fixture-format.js';
import { categoryPath, tagPath } from './fixture-paths.js';
import { escapeHtml } from './html-escape.js';
import { categoryLabel, postUrl, type FixtureSite } from './fixture-site.js';

export function renderRobots(site: FixtureSite): string {
  return `User-agent: *
Disallow: /owner
Disallow: /manage
Disallow: /admin
Disallow: /search
Disallow: /like
Allow: /

User-agent: Mediapartners-Google
Allow: /

Sitemap: ${site.origin}/sitemap.xml
`;
}

function sitemapUrl(loc: string, lastmod: string): string {
  return `<url><loc>${escapeHtml(loc)}</loc><lastmod>${lastmod}</lastmod></url>`;
}

/**
 * A urlset like Tistory's: lists, tags and the guestbook mixed in with the posts, notices and pages, and
 * (as its cap does on big blogs) without the oldest posts. A deleted post can still be listed.
 */
export function renderSitemap(site: FixtureSite): string {
  const { blog } = site;
  const today = `${blog.today}T00:00:00+09:00`;
  const lists = [
    `${site.origin}/`,
    `${site.origin}/category`,
    ...blog.categories.map((category) => site.origin + categoryPath(category.path)),
  ];
  const tags = [...new Set(listedPosts(blog).flatMap((post) => post.tags))].sort().slice(0, 5);
  const urls = [
    ...lists.map((loc) => sitemapUrl(loc, today)),
    ...[...blog.posts, ...(blog.notices ?? []), ...(blog.pages ?? [])]
      .filter((post) => post.inSitemap)
      .map((post) => sitemapUrl(postUrl(site, post), post.modified)),
    ...tags.map((tag) => sitemapUrl(site.origin + tagPath(tag), today)),
    sitemapUrl(`${site.origin}/guestbook`, today),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`;
}

/** The newest public posts only; `guid` always spells the numeric URL, `link` the blog's own style. */
export function renderRss(site: FixtureSite): string {
  const { blog } = site;
  const posts = blog.posts.filter((post) => post.state === 'public').slice(0, blog.rssItems);
  const items = posts.map((post) => {
    const link = postUrl(site, post);
    const categories = [categoryLabel(post), ...post.tags].filter((name) => name !== '');
    return `    <item>
      <title>${escapeHtml(post.title)}</title>
      <link>${escapeHtml(link)}</link>
      <description>${escapeHtml(post.body)}</description>
${categories.map((name) => `      <category>${escapeHtml(name)}</category>`).join('\n')}
      <author>${escapeHtml(post.author)}</author>
      <guid isPermaLink="true">${escapeHtml(`${site.origin}/${post.id}`)}</guid>
      <comments>${escapeHtml(`${link}#entry${post.id}comment`)}</comments>
      <pubDate>${rfc822Date(post.published)}</pubDate>
    </item>`;
  });
  const newest = posts[0];
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>${escapeHtml(blog.title)}</title>
    <link>${escapeHtml(site.origin)}/</link>
    <description>${escapeHtml(blog.description)}</description>
    <language>ko</language>
    <pubDate>${newest ? rfc822Date(newest.published) : ''}</pubDate>
    <generator>TISTORY</generator>
    <ttl>100</ttl>
    <managingEditor>${escapeHtml(blog.author)}</managingEditor>
${items.join('\n')}
  </channel>
</rss>
`;
}
