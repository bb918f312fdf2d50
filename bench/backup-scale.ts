// Peak memory of an export read from Tistory's own backup (a folder of `{id}/{id}.html` pages with their
// `img/` files) rather than crawled: no network, so posts arrive as fast as the disk gives them.

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateBlog } from './corpus/posts.js';
import type { ChildJob } from './export-child.js';
import { exportInChild, measuresOf, type ChildMeasures } from './export-in-child.js';
import { round } from './stats.js';

export interface BackupScaleResult extends ChildMeasures {
  posts: number;
  backupMb: number;
}
/** Every file a generated body names on Tistory's CDNs, as the backup holds it: beside the page. */
const CDN_FILE = /https:\/\/(?:blog\.kakaocdn\.net\/dn\/[^"' )]+|t1\.daumcdn\.net\/cfile\/tistory\/[0-9A-F]+)/g;

function pageOf(
  post: { title: string; published: string; categories: string[]; tags: string[] },
  body: string,
): string {
  const date = post.published.slice(0, 19).replace('T', ' ');
  const tags = post.tags.map((tag) => `<a href="/tag/${encodeURIComponent(tag)}" rel="tag">${tag}</a>`).join(', ');
  return `<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8"><title>${post.title}</title><link rel="stylesheet" href="./style.css"></head>
<body><div id="content">
<div class="hgroup"><h2 class="title-article">${post.title}</h2><p class="category">${post.categories.join('/')}</p><p class="date">${date}</p></div>
<div class="article-view"><div class="tt_article_useless_p_margin contents_style">
${body}
</div></div>
<div class="tags">${tags}</div>
</div></body></html>
`;
}

/** A backup folder of `posts` generated posts (bodies as in the conversion corpus); returns its size in bytes. */
export async function writeBackup(folder: string, posts: number): Promise<number> {
  const blog = generateBlog({ posts, seed: 9_000 + posts, minBodyBytes: 2_000, maxBodyBytes: 190_000, kind: 'mixed' });
  let bytes = 0;
  for (const post of blog.posts) {
    const files = new Map<string, string>();
    const body = post.body.replace(/\s(?:srcset|onerror)="[^"]*"/g, '').replace(CDN_FILE, (url) => {
      let name = files.get(url);
      if (name === undefined) {
        name = `${files.size + 1}-${decodeURIComponent(url.split('/').pop() ?? 'file')}`;
        files.set(url, name);
      }
      return `./img/${encodeURIComponent(name)}`;
    });
    const html = pageOf(post, body);
    await mkdir(join(folder, post.id, 'img'), { recursive: true });
    await writeFile(join(folder, post.id, `${post.id}.html`), html);
    bytes += Buffer.byteLength(html);
    for (const name of files.values()) {
      // Distinct bytes per file, a PNG signature in front so the type sniffs right.
      const file = Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        Buffer.from(`${post.id}/${name}`.repeat(40)),
      ]);
      await writeFile(join(folder, post.id, 'img', name), file);
      bytes += file.length;
    }
  }
  return bytes;
}

export async function runBackupScale(posts: number): Promise<BackupScaleResult> {
  const root = await mkdtemp(join(tmpdir(), 'tistory-bench-backup-'));
  try {
    const backup = join(root, 'backup');
    const backupBytes = await writeBackup(backup, posts);
    const job: ChildJob = { options: { source: backup, out: join(root, 'out'), blogUrl: 'https://bench.tistory.com' } };
    // The live heap (sampled after forced collections) tells growth with the blog from V8's slack.
    const child = await exportInChild(job, ['--expose-gc']);
    return { posts, backupMb: round(backupBytes / 1e6), ...measuresOf(child) };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
