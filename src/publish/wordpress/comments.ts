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
 * it is made. A post whose record holds no comment yet may have some from a run that was killed: those
 * are matched by author and time rather than made again.
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
  const onSite =
    Object.keys(published.comments).length === 0
      ? await client.all<RestComment>('/wp/v2/comments', {
          post: published.id,
          status: 'all',
          context: 'edit',
          _fields: 'id,author_name,date_gmt,parent',
        })
      : [];
  for (const comment of all) {
    if (published.comments[comment.id] !== undefined) continue;
    const parent = comment.parentId === null ? 0 : (published.comments[comment.parentId] ?? 0);
    const payload = commentPayload(comment, published.id, parent);
    const earlier = onSite.find(
      (item) =>
        item.author_name === payload.author_name &&
        item.date_gmt === gmtDate(comment.published) &&
        item.parent === parent,
    );
    let id = earlier?.id;
    if (id === undefined) {
      try {
        id = (await client.call<RestComment>('/wp/v2/comments', { method: 'POST', json: payload })).id;
      } catch (error) {
        // WordPress refuses a second comment of the same author with the same text: the first one stands for both.
        if (!(error instanceof WordPressError && error.code === 'comment_duplicate')) throw error;
        onWarning(
          `comment ${comment.id} by ${payload.author_name} repeats an earlier one word for word; WordPress keeps one`,
        );
        continue;
      }
    }
    published.comments[comment.id] = id;
    await state.save();
  }
}
