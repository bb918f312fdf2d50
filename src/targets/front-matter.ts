import { stringify } from 'yaml';
import type { ConvertedPost, PostMeta, RenderedBody } from '../types.js';
import { postKindOf } from '../util/post-path.js';

/**
 * Field order is what a reader of the file sees first, so keep the familiar ones on top. `cover` is the
 * rendered one: a path to the downloaded file when there is one.
 */
export function markdownFrontMatter(post: ConvertedPost, rendered: RenderedBody): Record<string, unknown> {
  const { meta } = post;
  const fields: Record<string, unknown> = {
    title: meta.title,
    type: entryType(meta),
    date: meta.published ?? undefined,
    updated: meta.updated ?? undefined,
    categories: meta.categories,
    tags: meta.tags,
    author: meta.author ?? undefined,
    description: meta.description ?? undefined,
    cover: rendered.cover ?? undefined,
    source: meta.url,
    tistory_id: post.id,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/**
 * `notice` or `page` for a notice or a static page; nothing for a post, whose front matter stays as it
 * was before notices and pages were exported (a `type: post` on every post would tell nobody anything).
 */
export function entryType(meta: PostMeta): 'notice' | 'page' | undefined {
  const kind = postKindOf(meta);
  return kind === 'post' ? undefined : kind;
}

/**
 * `---`-fenced YAML; the yaml library does the quoting, so any title survives a round trip. YAML 1.1
 * rules quote `yes`, `on` and friends, which Jekyll (Psych) and PyYAML would otherwise read as booleans.
 * No block scalars: the library writes a value that starts with a blank-looking line (` \n`) as a `|+`
 * block that reads back without its space; double quotes escape every character exactly.
 */
export function renderDocument(frontMatter: Record<string, unknown>, body: string): string {
  const yaml = stringify(frontMatter, { lineWidth: 0, version: '1.1', blockQuote: false });
  const trimmedBody = body.trim();
  return `---\n${yaml}---\n${trimmedBody ? `\n${trimmedBody}\n` : ''}`;
}
