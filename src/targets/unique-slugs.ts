import { slugify } from '../util/slug.js';

/**
 * Slugs for terms, authors and posts of one-file formats, where the importer wants each one unique: the
 * same key always gets the same slug, a different key that slugifies the same gets `-2`, `-3`, …
 */
export class UniqueSlugs {
  private readonly byKey = new Map<string, string>();
  private readonly taken = new Set<string>();

  /** `maxLength` in characters, as databases count them (Ghost: 191). */
  constructor(
    private readonly fallback: string,
    private readonly maxLength = 191,
  ) {}

  slugFor(key: string, text: string = key): string {
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const base = [...(slugify(text) || this.fallback)].slice(0, this.maxLength - 4).join('');
    let slug = base;
    for (let counter = 2; this.taken.has(slug); counter++) slug = `${base}-${counter}`;
    this.byKey.set(key, slug);
    this.taken.add(slug);
    return slug;
  }

  /** Every key with its slug, in the order they were first asked for. */
  entries(): [key: string, slug: string][] {
    return [...this.byKey];
  }
}
