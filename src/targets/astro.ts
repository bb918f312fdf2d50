import { createDocumentTarget, definedFields, type DocumentFormat } from './document-target.js';
import { entryType } from './front-matter.js';
import type { Target, TargetContext } from './target.js';
import { astroStarterFiles } from './astro-pages.js';

const ROOT = 'astro';
const PUBLIC_FOLDER = 'tistory';

/**
 * `<out>/astro/`: an Astro site. A content collection `src/content/blog/<slug>.md` and the
 * `src/content.config.ts` that declares its schema (Astro's blog starter fields; rewritten every run);
 * images and files go to `public/tistory/`, served as they are: an `image()` schema would fail the whole
 * build for a cover that stayed remote. `package.json` and minimal pages (see `astro-pages.ts`) make
 * `npm install && npx astro build` build the folder as it is.
 */
export function createAstroTarget({ outDir, comments }: TargetContext): Target {
  return createDocumentTarget(astroFormat, outDir, comments);
}

/**
 * The schema the front matter below satisfies; a test evaluates this very text with zod. `pubDate` is
 * optional because a post whose page gave no date must not stop the site from building. Notices and
 * static pages share the collection, marked by `type` (absent on posts, so it defaults to `post`): a
 * blog index filters with `getCollection('blog', ({ data }) => data.type === 'post')`.
 */
const ASTRO_CONTENT_CONFIG = `import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';

// Written by tistory-export: the schema of the front matter in src/content/blog/.
const blog = defineCollection({
  loader: glob({ base: './src/content/blog', pattern: '**/*.md' }),
  schema: z.object({
    title: z.string(),
    type: z.enum(['post', 'notice', 'page']).default('post'),
    description: z.string().optional(),
    pubDate: z.coerce.date().optional(),
    updatedDate: z.coerce.date().optional(),
    heroImage: z.string().optional(),
    tags: z.array(z.string()).default([]),
    categories: z.array(z.string()).default([]),
    author: z.string().optional(),
    source: z.string().url(),
  }),
});

export const collections = { blog };
`;

const astroFormat: DocumentFormat = {
  format: 'astro',
  documentPath: (post) => `${ROOT}/src/content/blog/${post.slug}.md`,
  // The collection loads `**/*.md` only.
  commentsPath: (post) => `${ROOT}/src/content/blog/${post.slug}.comments.json`,
  placeAsset: (_post, asset) => ({
    destination: `${ROOT}/public/${PUBLIC_FOLDER}/${asset.name}`,
    reference: `/${PUBLIC_FOLDER}/${asset.name}`,
  }),
  postLink: (linked) => `/blog/${linked.slug}/`,
  frontMatter: (post, rendered) =>
    definedFields({
      title: post.meta.title,
      type: entryType(post.meta),
      description: post.meta.description,
      pubDate: post.meta.published,
      updatedDate: post.meta.updated,
      heroImage: rendered.cover,
      tags: post.meta.tags,
      categories: post.meta.categories,
      author: post.meta.author,
      source: post.meta.url,
    }),
  siteFiles: () => ({ [`${ROOT}/src/content.config.ts`]: ASTRO_CONTENT_CONFIG }),
  starterFiles: (site) => astroStarterFiles(ROOT, site.title),
};
