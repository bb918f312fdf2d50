import { flattenComments, type Comment } from '../../comments/types.js';
import type { WordPressClient } from './client.js';
import { commentPayload, gmtDate } from './payload.js';
import type { PublishedPost, PublishState } from './state.js';
import { WordPressError } from './wordpress-error.js';

interface RestComment {
  id: number;
  author_name: string;
  date_gmt: string;
  parent: number;
}

/**
 * Adds a post's comments that are not on the site yet, parents before their replies, each recorded as
 * it is made. A comment missing from the record may be on the site already, made by a run killed before
 * it could record it: such a one is matched by author, time and parent among those the record does not
 * hold, rather than made again.
 */
export async function publishComments(
  client: WordPressClient,
  state: PublishState,
  published: PublishedPost,
  comments: readonly Comment[],
  onWarning: (message: string) => void,
): Promise<void> {
  const all = flattenComments(comments);
  if (all.every((comment) => published.comments[comment.id] !== undefined)) return;
  const recorded = new Set(Object.values(published.comments));
  const onSite = (
    await client.all<RestComment>('/wp/v2/comments', {
      post: published.id,
      status: 'all',
      context: 'edit',
      _fields: 'id,author_name,date_gmt,parent',
    })
  ).filter((item) => !recorded.has(item.id));
  const sent = new Map<string, number>();
  for (const comment of all) {
    if (published.comments[comment.id] !== undefined) continue;
    const parent = comment.parentId === null ? 0 : (published.comments[comment.parentId] ?? 0);
    const payload = commentPayload(comment, published.id, parent);
    const same = `${payload.author_name}\n${payload.parent}\n${payload.content}`;
    const earlier = onSite.findIndex(
      (item) =>
        item.author_name === payload.author_name &&
        item.date_gmt === gmtDate(comment.published) &&
        item.parent === parent,
    );
    let id = earlier >= 0 ? onSite.splice(earlier, 1)[0]!.id : undefined;
    if (id === undefined) {
      try {
        id = (await client.call<RestComment>('/wp/v2/comments', { method: 'POST', json: payload })).id;
      } catch (error) {
        // WordPress refuses a second comment of the same author with the same text: the first one stands for both.
        if (!(error instanceof WordPressError && error.code === 'comment_duplicate')) throw error;
        onWarning(
          `comment ${comment.id} by ${payload.author_name} repeats an earlier one word for word; WordPress keeps one`,
        );
        id = sent.get(same);
        if (id === undefined) continue;
      }
    }
    sent.set(same, id);
    published.comments[comment.id] = id;
    await state.save();
  }
}
