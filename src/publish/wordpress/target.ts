import type { Target } from '../../targets/target.js';
import type { ConvertedPost, PostMeta } from '../../types.js';
import type { WordPressPublisher } from './publisher.js';
import { WordPressError } from './wordpress-error.js';

/**
 * `-f wordpress`: publishes instead of writing files, beside the run's other formats. A post whose links
 * lead to posts not on the site yet keeps their Tistory addresses for now and is sent again at the end,
 * when every post has its permalink.
 *
 * What the site refuses fails the post when WordPress is the run's only format (the next run fetches it
 * again). Beside other formats, the post they wrote stays exported and the refusal is a warning: the
 * next run hands every exported post to this target again, and what the site does not hold yet is sent.
 */
export function createWordPressTarget(publisher: WordPressPublisher, onWarning: (message: string) => void): Target {
  const waiting = new Map<string, ConvertedPost>();
  const refused = (url: string, error: unknown): string[] => {
    if (!(publisher.besideOtherFormats && error instanceof WordPressError)) throw error;
    onWarning(`${url}: not published to WordPress, the next run tries again (${error.message})`);
    return [];
  };
  const publish = async (post: ConvertedPost): Promise<string[]> => {
    try {
      const { pending } = await publisher.publish(post);
      if (pending) waiting.set(post.id, post);
      else waiting.delete(post.id);
    } catch (error) {
      waiting.delete(post.id);
      return refused(post.meta.url, error);
    }
    return [];
  };
  return {
    format: 'wordpress',
    writePost: publish,
    rewritePost: publish,
    async writeProtected(meta: PostMeta, id: string) {
      try {
        await publisher.publishProtected(meta, id);
      } catch (error) {
        return refused(meta.url, error);
      }
      return [];
    },
    async finish() {
      for (const post of [...waiting.values()]) await publish(post);
      return [];
    },
    async abort() {},
  };
}
