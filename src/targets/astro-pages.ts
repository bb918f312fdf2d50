import { HEAD_META, SITE_CSS } from './site-style.js';
import { gitignore } from './site-gitignore.js';
import { ASTRO_NODE_20_OVERRIDES, sitePackageJson } from './site-packages.js';

/**
 * The pages that make the Astro folder a site of its own: a home page listing the posts, one page per
 * entry at `/blog/<slug>/` (where links between posts point), and the layout they share. They are the
 * user's to change (Astro has no themes to swap): written only when absent, as is `package.json`.
 */
export function astroStarterFiles(site: string, title: string): Record<string, string> {
  return {
    [`${site}/package.json`]: ASTRO_PACKAGE_JSON,
    [`${site}/.gitignore`]: gitignore(['node_modules/', 'dist/', '.astro/']),
    [`${site}/src/consts.ts`]: `// The blog's name, shown in every page's header and title.\nexport const SITE_TITLE = ${JSON.stringify(title)};\n`,
    [`${site}/src/layouts/BaseLayout.astro`]: BASE_LAYOUT,
    [`${site}/src/pages/index.astro`]: HOME_PAGE,
    [`${site}/src/pages/blog/[...slug].astro`]: ENTRY_PAGE,
  };
}

const ASTRO_PACKAGE_JSON = sitePackageJson('tistory-astro-site', {
  extra: { type: 'module', overrides: ASTRO_NODE_20_OVERRIDES },
  scripts: { dev: 'astro dev', build: 'astro build', preview: 'astro preview' },
  dependencies: ['astro'],
});

/** The day of a date in Korean time, `YYYY-MM-DD`, whatever the zone of the machine that builds. */
const KST_DAY = "const kstDay = (date: Date) => date.toLocaleDateString('sv-SE', { timeZone: 'Asia/Seoul' });";

// `is:global`: the rules must reach the rendered Markdown, which scoped styles do not.
const BASE_LAYOUT = `---
import { getCollection } from 'astro:content';
import { SITE_TITLE } from '../consts';

interface Props {
  title?: string;
}
const { title } = Astro.props;
const pages = await getCollection('blog', ({ data }) => data.type === 'page');
---
<!doctype html>
<html lang="ko">
<head>
${HEAD_META}
<title>{title ? \`\${title} | \${SITE_TITLE}\` : SITE_TITLE}</title>
<style is:global>
${SITE_CSS}</style>
</head>
<body>
<header class="site-header">
  <a class="site-title" href="/">{SITE_TITLE}</a>
  <nav>{pages.map((page) => <a href={\`/blog/\${page.id}/\`}>{page.data.title}</a>)}</nav>
</header>
<main><slot /></main>
</body>
</html>
`;

const HOME_PAGE = `---
import { getCollection } from 'astro:content';
import BaseLayout from '../layouts/BaseLayout.astro';

${KST_DAY}
const entries = (await getCollection('blog', ({ data }) => data.type !== 'page')).sort(
  (a, b) => (b.data.pubDate?.getTime() ?? 0) - (a.data.pubDate?.getTime() ?? 0),
);
---
<BaseLayout>
  <ul class="post-list">
    {entries.map((entry) => (
      <li>
        <a href={\`/blog/\${entry.id}/\`}>{entry.data.type === 'notice' && <span class="label">공지</span>}{entry.data.title}</a>
        {entry.data.pubDate && <time datetime={entry.data.pubDate.toISOString()}>{kstDay(entry.data.pubDate)}</time>}
      </li>
    ))}
  </ul>
</BaseLayout>
`;

const ENTRY_PAGE = `---
import { getCollection, render } from 'astro:content';
import BaseLayout from '../../layouts/BaseLayout.astro';

export async function getStaticPaths() {
  const entries = await getCollection('blog');
  return entries.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}

${KST_DAY}
const { entry } = Astro.props;
const { title, pubDate, categories, tags } = entry.data;
const { Content } = await render(entry);
---
<BaseLayout title={title}>
  <article>
    <h1>{title}</h1>
    <p class="meta">
      {pubDate && <time datetime={pubDate.toISOString()}>{kstDay(pubDate)}</time>}
      {categories.length > 0 && <> · {categories.join(' / ')}</>}
      {tags.length > 0 && <> · {tags.map((tag) => \`#\${tag}\`).join(' ')}</>}
    </p>
    <Content />
  </article>
</BaseLayout>
`;
