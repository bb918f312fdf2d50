import type { Target } from '../../targets/target.js';
import type { ConvertedPost } from '../../types.js';
import type { WordPressPublisher } from './publisher.js';

/**
 * `-f wordpress`: publishes instead of writing files, beside the run's other formats. A post whose links
 * lead to posts not on the site yet keeps their Tistory addresses for now and is sent again at the end,
 * when every post has its permalink.
 */
export function createWordPressTarget(publisher: WordPressPublisher): Target {
  const waiting = new Map<string, ConvertedPost>();
  const publish = async (post: ConvertedPost): Promise<string[]> => {
    const { pending } = await publisher.publish(post);
    if (pending) waiting.set(post.id, post);
    else waiting.delete(post.id);
    return [];
  };
  return {
    format: 'wordpress',
    writePost: publish,
    rewritePost: publish,
    async writeProtected(meta, id) {
      await publisher.publishProtected(meta, id);
      return [];
    },
    async finish() {
      for (const post of [...waiting.values()]) await publish(post);
      return [];
    },
    async abort() {},
  };
}
