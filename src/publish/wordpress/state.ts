import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { STATE_FOLDER } from '../../state/post-state.js';
import { writeFileAtomic } from '../../util/atomic-write.js';

const STATE_FILE = 'wordpress.json';

/** One WordPress object the tool made (or, for a term, found and uses). */
export interface PublishedPost {
  /** WordPress's id. */
  id: number;
  /** The REST collection it lives in. */
  type: 'posts' | 'pages';
  /** Its permalink, for links from other posts. */
  link: string;
  /** sha256 of the last payload sent: a post whose payload did not change is not sent again. */
  hash: string;
  /** Tistory comment id → WordPress comment id. */
  comments: Record<string, number>;
}

export interface KnownTerm {
  id: number;
  /** Made by the tool (and removed by `--wp-undo`), rather than found on the site. */
  created: boolean;
}

/** What the tool published on one site. */
export interface SiteState {
  /** Tistory post id → its WordPress post or page. */
  posts: Record<string, PublishedPost>;
  /** sha256 of a stored file → its media item: one upload per file, whichever posts show it. */
  media: Record<string, { id: number; url: string }>;
  /** Category path (`개발/Python`) → term. */
  categories: Record<string, KnownTerm>;
  /** Tag name → term. */
  tags: Record<string, KnownTerm>;
  /**
   * Terms about to be created (`categories:개발/Python`, `tags:Python`), written after the site was seen
   * not to have them and before asking for them: a run killed in between leaves the term here, and the
   * next run that finds it on the site knows it is the tool's own. Absent in records of earlier versions.
   */
  creatingTerms?: string[];
}

interface StateFile {
  version: 1;
  /** By site address: one output folder may be published to a test site, then to the real one. */
  sites: Record<string, SiteState>;
}

export function emptySiteState(): SiteState {
  return { posts: {}, media: {}, categories: {}, tags: {} };
}

function statePath(outDir: string): string {
  return join(outDir, STATE_FOLDER, STATE_FILE);
}

async function readStateFile(outDir: string): Promise<StateFile> {
  try {
    const parsed = JSON.parse(await readFile(statePath(outDir), 'utf8')) as StateFile;
    if (parsed.version === 1 && typeof parsed.sites === 'object' && parsed.sites !== null) return parsed;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return { version: 1, sites: {} };
}

/** Whether the output folder holds a record of what was published on that site: what `--wp-undo` needs. */
export async function hasSiteRecord(outDir: string, siteUrl: string): Promise<boolean> {
  return (await readStateFile(outDir)).sites[siteUrl] !== undefined;
}

/**
 * The output folder's record of what was published where (`.tistory-export/wordpress.json`). Each change
 * is written at once, atomically and one write at a time: a run killed right after creating a post has
 * its id on disk, and the next run updates that post instead of making a second one.
 */
export class PublishState {
  readonly site: SiteState;
  readonly #outDir: string;
  readonly #siteUrl: string;
  readonly #file: StateFile;
  #writes: Promise<void> = Promise.resolve();
  readonly #dryRun: boolean;

  private constructor(outDir: string, siteUrl: string, file: StateFile, dryRun: boolean) {
    this.#outDir = outDir;
    this.#siteUrl = siteUrl;
    this.#file = file;
    this.site = file.sites[siteUrl] ?? emptySiteState();
    this.#dryRun = dryRun;
  }

  /** `dryRun`: read only, never written. */
  static async load(outDir: string, siteUrl: string, { dryRun = false } = {}): Promise<PublishState> {
    return new PublishState(outDir, siteUrl, await readStateFile(outDir), dryRun);
  }

  /** Writes the state as it is now; resolves once this change (and every one before it) is on disk. */
  save(): Promise<void> {
    if (this.#dryRun) return Promise.resolve();
    this.#file.sites[this.#siteUrl] = this.site;
    const text = `${JSON.stringify(this.#file, null, 2)}\n`;
    const write = this.#writes.then(() => writeFileAtomic(statePath(this.#outDir), text));
    this.#writes = write.catch(() => {});
    return write;
  }

  /** After `--wp-undo`: the site's record goes, the other sites' stay. */
  async forgetSite(): Promise<void> {
    delete this.#file.sites[this.#siteUrl];
    const text = `${JSON.stringify(this.#file, null, 2)}\n`;
    await this.#writes;
    await writeFileAtomic(statePath(this.#outDir), text);
  }
}
