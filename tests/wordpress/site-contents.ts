// What the real-WordPress tests read back: the site's objects by kind, the export's posts, and the
// output folder's record of what was published.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { flattenComments, type Comment } from '../../src/comments/types.js';
import type { SiteState } from '../../src/publish/wordpress/state.js';
import type { WordPressSite } from './wordpress-site.js';

export interface SiteCounts {
  posts: number[];
  pages: number[];
  media: number[];
  categories: number[];
  tags: number[];
  comments: number[];
}

const ANY_STATUS = 'status=publish,draft,private,pending,future';

/** The ids of everything on the site, by kind: compared before and after a run. */
export async function siteCounts(site: WordPressSite): Promise<SiteCounts> {
  const ids = async (path: string) =>
    (await site.all<{ id: number }>(path)).map((item) => item.id).sort((a, b) => a - b);
  return {
    posts: await ids(`/wp/v2/posts?${ANY_STATUS}&context=edit`),
    pages: await ids(`/wp/v2/pages?${ANY_STATUS}&context=edit`),
    media: await ids('/wp/v2/media?context=edit'),
    categories: await ids('/wp/v2/categories?context=edit&hide_empty=false'),
    tags: await ids('/wp/v2/tags?context=edit&hide_empty=false'),
    comments: await ids('/wp/v2/comments?status=all&context=edit'),
  };
}

export interface ExportedPost {
  id: string;
  url: string;
  title: string;
  published: string | null;
  categories: string[];
  tags: string[];
  type: 'post' | 'notice' | 'page';
  status: 'ok' | 'protected';
  cover?: string | null;
  comments?: Comment[] | null;
  /** Its comments and replies, all levels. */
  commentCount: number;
}

/** The export's posts, from its posts.jsonl (the run must include -f jsonl). */
export async function exportedPosts(outDir: string): Promise<ExportedPost[]> {
  const lines = (await readFile(join(outDir, 'posts.jsonl'), 'utf8')).trim().split('\n');
  return lines.map((line) => {
    const post = JSON.parse(line) as Omit<ExportedPost, 'commentCount'>;
    return { ...post, commentCount: flattenComments(post.comments ?? []).length };
  });
}

/** The output folder's record of one site (`.tistory-export/wordpress.json`). */
export async function publishRecord(outDir: string, siteUrl: string): Promise<SiteState> {
  const file = JSON.parse(await readFile(join(outDir, '.tistory-export/wordpress.json'), 'utf8')) as {
    sites: Record<string, SiteState>;
  };
  const record = file.sites[siteUrl];
  if (!record) throw new Error(`no record of ${siteUrl} in ${outDir}`);
  return record;
}
