import type { WordPressClient } from './client.js';
import type { PublishState } from './state.js';
import { findTerm } from './terms.js';
import { describeFailure, type RestErrorBody } from './wordpress-error.js';

export interface UndoCounts {
  posts: number;
  pages: number;
  media: number;
  categories: number;
  tags: number;
}

/**
 * `--wp-undo`: deletes, for good (not to the trash), what the state says the tool made on the site: its
 * posts and pages (their comments go with them), its uploads, and the categories and tags it created —
 * not those it found there. Something already gone is no failure. The site's record is then forgotten.
 */
export async function undoPublished(client: WordPressClient, state: PublishState): Promise<UndoCounts> {
  const counts: UndoCounts = { posts: 0, pages: 0, media: 0, categories: 0, tags: 0 };
  const remove = async (route: string): Promise<boolean> => {
    const response = await client.send(route, { method: 'DELETE', query: { force: true } });
    if (response.status === 200) return true;
    if (response.status === 404 || response.status === 410) return false;
    throw describeFailure(client.siteUrl, `DELETE ${route}`, response.status, response.body as RestErrorBody);
  };
  const { site } = state;
  await adoptNotedTerms(client, state);
  for (const [id, post] of Object.entries(site.posts)) {
    if (await remove(`/wp/v2/${post.type}/${post.id}`)) counts[post.type]++;
    delete site.posts[id];
    await state.save();
  }
  for (const [hash, media] of Object.entries(site.media)) {
    if (await remove(`/wp/v2/media/${media.id}`)) counts.media++;
    delete site.media[hash];
    await state.save();
  }
  // Deepest first: a category goes after its subcategories.
  const categories = Object.entries(site.categories).sort(([a], [b]) => b.split('/').length - a.split('/').length);
  for (const [path, term] of categories) {
    if (term.created && (await remove(`/wp/v2/categories/${term.id}`))) counts.categories++;
    delete site.categories[path];
    await state.save();
  }
  for (const [name, term] of Object.entries(site.tags)) {
    if (term.created && (await remove(`/wp/v2/tags/${term.id}`))) counts.tags++;
    delete site.tags[name];
    await state.save();
  }
  await state.forgetSite();
  return counts;
}

/**
 * Terms a killed run was creating and never recorded (see `SiteState.creatingTerms`): those now on the
 * site are the tool's, recorded so the undo removes them. Subcategories first seen here go before their
 * parents like the others; a note whose parent is not recorded cannot be told from the site's own term, and stays.
 */
async function adoptNotedTerms(client: WordPressClient, state: PublishState): Promise<void> {
  const { site } = state;
  for (const note of site.creatingTerms ?? []) {
    const taxonomy = note.startsWith('categories:') ? 'categories' : 'tags';
    const key = note.slice(taxonomy.length + 1);
    if (site[taxonomy][key]) continue;
    const path = key.split('/');
    const parentKey = path.slice(0, -1).join('/');
    const parent = taxonomy === 'tags' ? null : parentKey === '' ? 0 : site.categories[parentKey]?.id;
    if (parent === undefined) continue;
    const id = await findTerm(client, taxonomy, taxonomy === 'tags' ? key : path.at(-1)!, parent);
    if (id !== null) site[taxonomy][key] = { id, created: true };
  }
  delete site.creatingTerms;
  await state.save();
}
