import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTarget } from '../../src/targets/index.js';
import type { PostMeta } from '../../src/types.js';
import { postOf, remoteAsset } from '../targets/post-fixture.js';
import { exportAllFormats, type FormatsRun } from './export-all-formats.js';
import { expectNoEditorMarkup, expectOldEditorBodyKept, OLD_EDITOR_SLUG } from './clean-body-html.js';

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  cdataPropName: '#cdata',
  parseTagValue: false,
  isArray: (name) => ['item', 'category', 'wp:author', 'wp:category', 'wp:tag', 'wp:postmeta'].includes(name),
});
/** Text of an element whether written as CDATA or as escaped text. */
const text = (node: unknown): string => {
  if (node === undefined || node === null) return '';
  if (typeof node !== 'object') return String(node);
  const value = node as Node;
  // Consecutive CDATA sections (how `]]>` is split) come back as an array.
  const cdata = value['#cdata'];
  return Array.isArray(cdata) ? cdata.join('') : String(cdata ?? value['#text'] ?? '');
};

function parseWxr(xml: string) {
  const rss = parser.parse(xml).rss as Node;
  return { rss, channel: rss.channel as Node, items: ((rss.channel as Node).item ?? []) as Node[] };
}

describe('wxr: the fixture blog as one WordPress import file', () => {
  let run: FormatsRun;
  let wxr: ReturnType<typeof parseWxr>;
  beforeAll(async () => {
    run = await exportAllFormats();
    wxr = parseWxr(await run.read('wxr/wordpress.xml'));
  }, 120_000);
  afterAll(() => run.close());

  it('declares WXR 1.2 with the namespaces, base URLs and authors the importer reads', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(wxr.rss['@version']).toBe('2.0');
    expect(wxr.rss['@xmlns:wp']).toBe('http://wordpress.org/export/1.2/');
    expect(wxr.rss['@xmlns:content']).toBe('http://purl.org/rss/1.0/modules/content/');
    expect(wxr.rss['@xmlns:excerpt']).toBe('http://wordpress.org/export/1.2/excerpt/');
    expect(wxr.channel['wp:wxr_version']).toBe('1.2');
    expect(wxr.channel['wp:base_site_url']).toBe(run.blogUrl);
    expect(wxr.channel['wp:base_blog_url']).toBe(run.blogUrl);
    const logins = (wxr.channel['wp:author'] as Node[]).map((author) => text(author['wp:author_login']));
    for (const item of wxr.items) expect(logins).toContain(text(item['dc:creator']));
    for (const login of logins) expect(login).toMatch(/^[a-z0-9._-]+$/);
  });

  it('lists categories with their parents before the items, and tags', () => {
    const categories = wxr.channel['wp:category'] as Node[];
    const nicenames = categories.map((category) => text(category['wp:category_nicename']));
    expect(new Set(nicenames).size).toBe(nicenames.length);
    const python = categories.find((category) => text(category['wp:cat_name']) === 'Python')!;
    expect(text(python['wp:category_parent'])).toBe('개발');
    for (const category of categories) {
      const parent = text(category['wp:category_parent']);
      if (parent)
        expect(nicenames.indexOf(parent)).toBeLessThan(nicenames.indexOf(text(category['wp:category_nicename'])));
    }
    expect((wxr.channel['wp:tag'] as Node[]).map((tag) => text(tag['wp:tag_name']))).toContain('venv');
  });

  it('has one published post item per exported post with every field the importer reads', async () => {
    const posts = wxr.items.filter((item) => text(item['wp:post_type']) === 'post');
    const okNotPages = run.okPosts.filter((post) => post.type !== 'page');
    expect(posts.map((item) => text(item['wp:post_id'])).sort()).toEqual(okNotPages.map((post) => post.id).sort());
    const jsonl = new Map(
      (await run.read('posts.jsonl'))
        .trimEnd()
        .split('\n')
        .map((line) => {
          const record = JSON.parse(line) as { id: string; title: string; published: string };
          return [record.id, record];
        }),
    );
    for (const item of posts) {
      const id = text(item['wp:post_id']);
      const post = run.okPosts.find((candidate) => candidate.id === id)!;
      const record = jsonl.get(id)!;
      expect(text(item.title)).toBe(record.title);
      expect(text(item['wp:status'])).toBe('publish');
      expect(text(item['wp:post_name'])).toBe(post.slug);
      expect(text(item['wp:post_date'])).toBe(record.published.slice(0, 19).replace('T', ' '));
      expect(new Date(`${text(item['wp:post_date_gmt']).replace(' ', 'T')}Z`).getTime()).toBe(
        new Date(record.published).getTime(),
      );
      expect(text(item.pubDate)).toBe(new Date(record.published).toUTCString());
      expect(text(item['content:encoded']).length).toBeGreaterThan(50);
      expect(item).toHaveProperty('excerpt:encoded');
      expect(text(item['wp:post_parent'])).toBe('0');
      expect(text(item.guid)).toBe(text(item.link));
      for (const category of (item.category ?? []) as Node[]) {
        expect(['category', 'post_tag']).toContain(category['@domain']);
        expect(String(category['@nicename'])).not.toBe('');
      }
    }
    const venv = posts.find((item) => text(item['wp:post_name']) === 'python-가상환경-venv-사용법')!;
    expect((venv.category as Node[]).map((category) => `${String(category['@domain'])}:${text(category)}`)).toEqual(
      expect.arrayContaining(['category:Python', 'post_tag:venv']),
    );
    // A link to another post becomes its WordPress path; page chrome stays out.
    expect(text(venv['content:encoded'])).toContain('href="/python-리스트-컴프리헨션-정리/"');
  });

  it('writes static pages as WordPress pages and notices as posts in the 공지사항 category', () => {
    const pages = wxr.items.filter((item) => text(item['wp:post_type']) === 'page');
    const expectedPages = run.okPosts.filter((post) => post.type === 'page');
    expect(expectedPages.length).toBeGreaterThan(0);
    expect(pages.map((item) => text(item['wp:post_name'])).sort()).toEqual(
      expectedPages.map((post) => post.slug).sort(),
    );
    for (const item of pages) {
      expect(text(item['wp:status'])).toBe('publish');
      expect(item.category ?? []).toEqual([]);
    }
    // A page whose head states no entry id still gets a numeric WordPress id, unlike any other item's.
    const ids = pages.map((item) => text(item['wp:post_id']));
    for (const id of ids) expect(id).toMatch(/^\d+$/);
    const about = pages.find((item) => text(item['wp:post_name']) === 'about')!;
    expect(text(about['content:encoded'])).toContain('href="/블로그-운영-원칙/"');
    const notices = run.okPosts.filter((post) => post.type === 'notice');
    expect(notices.length).toBeGreaterThan(0);
    for (const notice of notices) {
      const item = wxr.items.find((candidate) => text(candidate['wp:post_id']) === notice.id)!;
      expect(text(item['wp:post_type'])).toBe('post');
      expect((item.category as Node[]).map((category) => `${String(category['@nicename'])}:${text(category)}`)).toEqual(
        ['notice:공지사항'],
      );
    }
    const categories = (wxr.channel['wp:category'] as Node[]).map((category) => text(category['wp:cat_name']));
    expect(categories.filter((name) => name === '공지사항')).toHaveLength(1);
  });

  it('lists every image and file once as an attachment whose URL the body uses', () => {
    const posts = wxr.items.filter((item) => ['post', 'page'].includes(text(item['wp:post_type'])));
    const attachments = wxr.items.filter((item) => text(item['wp:post_type']) === 'attachment');
    const urls = attachments.map((item) => text(item['wp:attachment_url']));
    expect(new Set(urls).size).toBe(urls.length);
    const assetUrls = new Set(run.okPosts.flatMap((post) => (post.assets ?? []).map((asset) => asset.url)));
    expect(new Set(urls)).toEqual(assetUrls);
    const postIds = new Set(posts.map((item) => text(item['wp:post_id'])));
    const allContent = posts.map((item) => text(item['content:encoded'])).join('\n');
    for (const item of attachments) {
      expect(text(item['wp:status'])).toBe('inherit');
      expect(postIds).toContain(text(item['wp:post_parent']));
      // The importer swaps the URL by plain string search, so the body must hold it exactly.
      const url = text(item['wp:attachment_url']);
      expect(allContent.includes(url) || posts.some((post) => hasThumbnail(post, item)), url).toBe(true);
    }
    const ids = wxr.items.map((item) => text(item['wp:post_id']));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('writes bodies as clean as the Markdown: an old-editor post loses its fonts and sizes, keeps its words and images', () => {
    const bodies = wxr.items.filter((item) => ['post', 'page'].includes(text(item['wp:post_type'])));
    for (const item of bodies) expectNoEditorMarkup(text(item['content:encoded']), text(item['wp:post_name']));
    const old = bodies.find((item) => text(item['wp:post_name']) === OLD_EDITOR_SLUG)!;
    expectOldEditorBodyKept(text(old['content:encoded']));
  });
});

function hasThumbnail(post: Node, attachment: Node): boolean {
  return ((post['wp:postmeta'] ?? []) as Node[]).some(
    (meta) =>
      text(meta['wp:meta_key']) === '_thumbnail_id' && text(meta['wp:meta_value']) === text(attachment['wp:post_id']),
  );
}

describe('wxr: text that could break the file', () => {
  const meta: PostMeta = {
    id: '5',
    url: 'https://example.tistory.com/5',
    title: 'CDATA <끝>은 ]]> & 그리고 \u0001제어문자',
    published: '2020-01-01T00:30:00+09:00',
    updated: null,
    categories: [],
    tags: [],
    author: 'Kim',
    description: '요약 ]]> 끝',
    cover: null,
    blogName: null,
  };
  const signed = 'https://blog.kakaocdn.net/dna/a/b/c/img.png?credential=x&expires=1&signature=y';

  it('splits ]]> safely, drops control characters, keeps signed URLs as the importer searches them, and rewrites a post in place', async () => {
    const out = await mkdtemp(join(tmpdir(), 'te-wxr-'));
    const target = createTarget('wxr', { outDir: out, assetLayout: 'shared' });
    const html = `<pre><code>a[b[0]]&gt;c ]]&gt; ]]></code></pre><p><img src="${signed.replace(/&/g, '&amp;')}"></p>`;
    const first = postOf(meta, { slug: 'cdata', markdown: 'x', html, assets: [remoteAsset(signed)] });
    await target.writePost(first);
    await target.rewritePost!({
      ...first,
      render: (rewriter) => ({ ...first.render(rewriter), html: `${html}<p>고침</p>` }),
    });
    await target.finish();
    expect(await readdir(join(out, 'wxr'))).toEqual(['wordpress.xml']);
    const { items } = parseWxr(await readFile(join(out, 'wxr/wordpress.xml'), 'utf8'));
    const post = items.find((item) => text(item['wp:post_type']) === 'post')!;
    expect(items.filter((item) => text(item['wp:post_type']) === 'post')).toHaveLength(1);
    expect(text(post.title)).toBe('CDATA <끝>은 ]]> & 그리고 제어문자');
    expect(text(post['excerpt:encoded'])).toBe('요약 ]]> 끝');
    expect(text(post['content:encoded'])).toContain('a[b[0]]&gt;c ]]&gt; ]]>');
    expect(text(post['content:encoded'])).toContain(`src="${signed}"`);
    expect(text(post['content:encoded'])).toContain('<p>고침</p>');
    expect(text(post['wp:post_date'])).toBe('2020-01-01 00:30:00');
    expect(text(post['wp:post_date_gmt'])).toBe('2019-12-31 15:30:00');
  });

  it('points attachments, bodies and the cover at the stored copies under --files-url', async () => {
    const out = await mkdtemp(join(tmpdir(), 'te-wxr-files-'));
    const target = createTarget('wxr', {
      outDir: out,
      assetLayout: 'shared',
      filesUrl: 'https://files.example.com/blog/',
    });
    const photo = {
      ...remoteAsset(signed),
      file: 'assets/여름-바다-1a2b3c4d.png',
      name: '여름-바다-1a2b3c4d.png',
      sha256: 'a'.repeat(64),
      bytes: 10,
    };
    const left = remoteAsset('https://blog.kakaocdn.net/dn/x/y/z/left-remote.png');
    const html = `<p><img src="${signed.replace(/&/g, '&amp;')}"></p><p><img src="${left.url}"></p>`;
    const record = postOf({ ...meta, cover: signed }, { slug: 'files', markdown: 'x', html, assets: [photo, left] });
    await target.writePost({
      ...record,
      render: (rewriter) => ({
        ...record.render(rewriter),
        html: html.replace(signed.replace(/&/g, '&amp;'), rewriter.asset(photo) ?? signed),
      }),
    });
    await target.finish();
    const { items } = parseWxr(await readFile(join(out, 'wxr/wordpress.xml'), 'utf8'));
    const published = `https://files.example.com/blog/assets/${encodeURIComponent('여름-바다')}-1a2b3c4d.png`;
    const attachments = items.filter((item) => text(item['wp:post_type']) === 'attachment');
    expect(attachments.map((item) => text(item['wp:attachment_url']))).toEqual([published, left.url]);
    const post = items.find((item) => text(item['wp:post_type']) === 'post')!;
    expect(text(post['content:encoded'])).toContain(`src="${published}"`);
    // A file that stayed remote keeps its Tistory URL: there is no copy to point at.
    expect(text(post['content:encoded'])).toContain(`src="${left.url}"`);
    expect(hasThumbnail(post, attachments[0]!)).toBe(true);
  });

  it('warns when attachments are at signed URLs that expire before WordPress may fetch them, unless --files-url', async () => {
    const inTwoWeeks = Math.floor(Date.now() / 1000) + 14 * 86_400;
    const fresh = `https://blog.kakaocdn.net/dna/d/e/f/later.png?credential=x&expires=${inTwoWeeks}&signature=y`;
    const exportWith = async (filesUrl: string | null, assets: ReturnType<typeof remoteAsset>[]) => {
      const warnings: string[] = [];
      const out = await mkdtemp(join(tmpdir(), 'te-wxr-expiry-'));
      const target = createTarget('wxr', {
        outDir: out,
        assetLayout: 'shared',
        filesUrl,
        onWarning: (message) => warnings.push(message),
      });
      await target.writePost(postOf(meta, { slug: 'signed', markdown: 'x', html: '<p>x</p>', assets }));
      await target.finish();
      return warnings;
    };
    const [expired] = await exportWith(null, [remoteAsset(signed), remoteAsset(fresh)]);
    expect(expired).toMatch(
      /^wxr: 2 attachments point at signed Tistory URLs that have expired \(the first on 1970-01-01, KST\): WordPress cannot download them/,
    );
    expect(expired).toContain('--files-url');
    const [later] = await exportWith(null, [
      remoteAsset(fresh),
      remoteAsset('https://blog.kakaocdn.net/dn/a/b/c/plain.png'),
    ]);
    const day = new Date((inTwoWeeks + 9 * 3600) * 1000).toISOString().slice(0, 10);
    expect(later).toMatch(
      new RegExp(
        `^wxr: 1 attachment points at signed Tistory URLs that stop working from ${day} \\(KST\\): import before then`,
      ),
    );
    // Pointed at the stored copies, nothing expires.
    const stored = {
      ...remoteAsset(fresh),
      file: 'assets/later-1a2b3c4d.png',
      name: 'later-1a2b3c4d.png',
      sha256: 'b'.repeat(64),
      bytes: 1,
    };
    expect(await exportWith('https://files.example.com/', [stored])).toEqual([]);
    expect(await exportWith(null, [remoteAsset('https://blog.kakaocdn.net/dn/a/b/c/plain.png')])).toEqual([]);
  });

  it('gives attachments the same ids and slugs whatever order the posts finished in', async () => {
    const posts = ['101', '102'].map((id) =>
      postOf(
        { ...meta, id, url: `https://a.tistory.com/${id}`, cover: `https://blog.kakaocdn.net/dn/${id}/cover.png` },
        {
          slug: `post-${id}`,
          markdown: 'x',
          html: '<p>x</p>',
          assets: [
            remoteAsset(`https://blog.kakaocdn.net/dn/${id}/cover.png`),
            remoteAsset(`https://blog.kakaocdn.net/dn/${id}/second.png`),
          ],
        },
      ),
    );
    const exportInOrder = async (order: readonly number[]) => {
      const out = await mkdtemp(join(tmpdir(), 'te-wxr-order-'));
      const target = createTarget('wxr', { outDir: out, assetLayout: 'shared' });
      for (const index of order) await target.writePost(posts[index]!);
      await target.finish();
      const { channel, items } = parseWxr(await readFile(join(out, 'wxr/wordpress.xml'), 'utf8'));
      // Stamped with the blog's last change, not the run's clock: a nightly export is the same file.
      expect(text(channel.pubDate)).toBe(new Date(meta.published!).toUTCString());
      return items
        .map((item) => ({
          id: text(item['wp:post_id']),
          slug: text(item['wp:post_name']),
          parent: text(item['wp:post_parent']),
          thumbnail: ((item['wp:postmeta'] ?? []) as Node[]).map((entry) => text(entry['wp:meta_value'])),
        }))
        .sort((a, b) => a.id.localeCompare(b.id));
    };
    const forward = await exportInOrder([0, 1]);
    expect(await exportInOrder([1, 0])).toEqual(forward);
    const attachments = forward.filter((item) => item.parent !== '0' && item.parent !== '');
    expect(attachments.map((item) => item.slug).sort()).toEqual([
      'post-101-1',
      'post-101-2',
      'post-102-1',
      'post-102-2',
    ]);
    const cover101 = attachments.find((item) => item.slug === 'post-101-1')!;
    expect(forward.find((item) => item.id === '101')!.thumbnail).toContain(cover101.id);
  });
});
