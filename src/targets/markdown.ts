import { join } from 'node:path';
import type { ConvertedPost } from '../types.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { markdownFrontMatter, renderDocument } from './front-matter.js';
import type { Target } from './target.js';

/** `<out>/markdown/<slug>.md`: plain Markdown with YAML front matter, one file per post. */
export function createMarkdownTarget(outDir: string): Target {
  return {
    format: 'markdown',
    async writePost(post: ConvertedPost) {
      const relative = `markdown/${post.slug}.md`;
      await writeFileAtomic(join(outDir, relative), renderDocument(markdownFrontMatter(post), post.markdown));
      return [relative];
    },
    async writeProtected() {
      return [];
    },
    async finish() {
      return [];
    },
    async abort() {},
  };
}
