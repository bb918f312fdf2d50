import type { WordPressClient } from './client.js';
import type { KnownTerm, PublishState } from './state.js';
import { Serial } from './serial.js';
import { WordPressError } from './wordpress-error.js';

interface RestTerm {
  id: number;
  name: string;
  parent?: number;
}

/** WordPress sends a term's name HTML-escaped (`A &amp; B`). */
function plainName(name: string): string {
  return name
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * Categories (each level of `개발/Python` under its parent) and tags: the site's own term of that name
 * when there is one, else created and recorded as the tool's. One lookup at a time, so two posts of the
 * same new category make it once.
 */
export class Terms {
  readonly #client: WordPressClient;
  readonly #state: PublishState;
  readonly #serial = new Serial();

  constructor(client: WordPressClient, state: PublishState) {
    this.#client = client;
    this.#state = state;
  }

  /** The id of the deepest category of each path; a post in `개발/Python` is filed under Python. */
  categoryIds(path: readonly string[]): Promise<number[]> {
    if (path.length === 0) return Promise.resolve([]);
    return this.#serial.run(async () => {
      let parent = 0;
      for (let depth = 1; depth <= path.length; depth++) {
        const key = path.slice(0, depth).join('/');
        const known = this.#state.site.categories[key];
        if (known) {
          parent = known.id;
          continue;
        }
        const name = path[depth - 1]!;
        const term = await this.#findOrCreate('categories', key, name, parent);
        this.#state.site.categories[key] = term;
        await this.#state.save();
        parent = term.id;
      }
      return [parent];
    });
  }

  tagIds(names: readonly string[]): Promise<number[]> {
    return this.#serial.run(async () => {
      const ids: number[] = [];
      for (const name of new Set(names.map((tag) => tag.trim()).filter(Boolean))) {
        let term = this.#state.site.tags[name];
        if (!term) {
          term = await this.#findOrCreate('tags', name, name, null);
          this.#state.site.tags[name] = term;
          await this.#state.save();
        }
        ids.push(term.id);
      }
      return ids;
    });
  }

  /**
   * The site's term of that name (under that parent), or a new one. A term found on the site is the
   * tool's own only when an earlier run had noted it was creating it (see `SiteState.creatingTerms`): a
   * killed run's category is then removed by `--wp-undo` like the others, and the site's own never is.
   * The note goes once the term is recorded, in the same write.
   */
  async #findOrCreate(
    taxonomy: 'categories' | 'tags',
    key: string,
    name: string,
    parent: number | null,
  ): Promise<KnownTerm> {
    const note = `${taxonomy}:${key}`;
    const site = this.#state.site;
    const noted = site.creatingTerms?.includes(note) ?? false;
    const forget = () => {
      site.creatingTerms = site.creatingTerms?.filter((item) => item !== note);
      if (site.creatingTerms?.length === 0) delete site.creatingTerms;
    };
    const found = await findTerm(this.#client, taxonomy, name, parent);
    if (found !== null) {
      forget();
      return { id: found, created: noted };
    }
    if (!noted) {
      site.creatingTerms = [...(site.creatingTerms ?? []), note];
      await this.#state.save();
    }
    const made = await this.#create(taxonomy, { name, ...(parent === null ? {} : { parent }) });
    forget();
    return made;
  }

  async #create(taxonomy: 'categories' | 'tags', body: Record<string, unknown>): Promise<KnownTerm> {
    try {
      const made = await this.#client.call<RestTerm>(`/wp/v2/${taxonomy}`, { method: 'POST', json: body });
      return { id: made.id, created: true };
    } catch (error) {
      // Made by someone else meanwhile, or a name WordPress reads as the same (case, accents): the
      // site's term, used, and never removed by `--wp-undo`.
      const existing =
        error instanceof WordPressError && error.code === 'term_exists' ? error.data?.term_id : undefined;
      if (typeof existing === 'number') return { id: existing, created: false };
      throw error;
    }
  }
}

/** The site's term of that name, case aside (a category under that parent, 0 for the top); null when there is none. */
export async function findTerm(
  client: WordPressClient,
  taxonomy: 'categories' | 'tags',
  name: string,
  parent: number | null,
): Promise<number | null> {
  const query = { search: name, ...(parent === null ? {} : { parent }), _fields: 'id,name,parent' };
  const candidates = await client.all<RestTerm>(`/wp/v2/${taxonomy}`, query);
  const wanted = name.toLowerCase();
  return (
    candidates.find(
      (term) => plainName(term.name).toLowerCase() === wanted && (parent === null || term.parent === parent),
    )?.id ?? null
  );
}
