import { createHash } from 'node:crypto';
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { PostRecord } from '../body/post-body.js';
import type { LinkedPost, ManifestEntry, PostMeta } from '../types.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { compareIds } from '../names.js';

/** Inside the output folder, so a re-run finds it and a rename never crosses disks. */
export const STATE_FOLDER = '.tistory-export';
const POSTS = 'posts';
const RECORDS = 'records';

/**
 * How a post's last export relates to the one before it (`unchanged`: fetched again, written the same;
 * `kept`: fetched again, but what the blog showed was less than the export, which stays); see `changes.ts`.
 */
export type PostChange = 'added' | 'updated' | 'unchanged' | 'failed' | 'kept';

/**
 * What the output folder knows about one post after a run wrote it: enough to recognise the post in the
 * next discovery, decide whether it changed, and hand it to every target again without a request.
 */
export interface PostState {
  entry: ManifestEntry;
  /** Every URL the post was found or answered under, to match it in the next discovery. */
  urls: string[];
  /** The blog's other addresses its page named (custom domain, `NAME.tistory.com`), for links between posts. */
  origins: string[];
  /** Sitemap `lastmod` / RSS `pubDate` when it was exported. */
  lastmod: string | null;
  /** The page's modified (else published) time when it was exported. */
  updated: string | null;
  /** How other posts link to it; set for `ok` posts, whose body is in `records/`. */
  linked: LinkedPost | null;
  /** Set for `protected` posts, which targets receive as metadata only. */
  protectedMeta: PostMeta | null;
  /**
   * The post's files still link to posts of the blog that were not exported when they were written: what
   * the end-of-run fix-up owes. A later run writes the post again with the links it can now resolve.
   */
  pendingLinks: boolean;
  /** The tool version and settings its record was made with; another key means export it again. */
  recordKey: string;
  /** The run that last wrote it, and what that run did to it. */
  run: string;
  change: PostChange;
  /**
   * Set when the last attempt to fetch the post again failed, or showed less than this (older) export,
   * and the export was kept: why (see `lossOf`).
   */
  refreshError?: string;
  /** The run that last found its comments changed without fetching the post again (`--comments`). */
  commentsRun?: string;
  savedAt: string;
}

/** The post's manifest row: a failed or poorer refresh shows as a warning on the export that was kept. */
export function manifestEntryOf(state: PostState): ManifestEntry {
  if (state.refreshError === undefined) return state.entry;
  return { ...state.entry, warnings: [...(state.entry.warnings ?? []), state.refreshError] };
}

/**
 * `<out>/.tistory-export/`: one small file per post (`posts/<key>.json`) and, for exported posts, the
 * converted body with its asset and link tokens (`records/<key>.json`). Each is written atomically, the
 * record before the post file, so a post counts as done only when everything it needs is on disk.
 */
export class StateStore {
  readonly dir: string;

  constructor(outDir: string) {
    this.dir = join(outDir, STATE_FOLDER);
  }

  /** Every post a previous run finished, one per post. A damaged or incomplete file counts as not done. */
  async loadPosts(): Promise<PostState[]> {
    const names = await readdir(join(this.dir, POSTS)).catch(() => [] as string[]);
    const states: PostState[] = [];
    for (const name of names.filter((file) => file.endsWith('.json'))) {
      const state = await readJson<PostState>(join(this.dir, POSTS, name));
      if (!state || !isPostState(state)) continue;
      if (state.linked && !(await exists(this.recordPath(state.entry.id)))) continue;
      states.push(state);
    }
    return this.withoutSuperseded(states);
  }

  async savePost(state: PostState, record?: PostRecord): Promise<void> {
    if (record) await writeFileAtomic(this.recordPath(record.id), JSON.stringify(record));
    await writeFileAtomic(this.postPath(state.entry.id), `${JSON.stringify(state)}\n`);
  }

  async readRecord(id: string): Promise<PostRecord> {
    return JSON.parse(await readFile(this.recordPath(id), 'utf8')) as PostRecord;
  }

  async removePost(id: string): Promise<void> {
    await rm(this.postPath(id), { force: true });
    await rm(this.recordPath(id), { force: true });
  }

  /**
   * A post first failed under a URL-derived id and later exported under its number leaves two files if
   * the run died between writing the new one and removing the old: the newer wins.
   */
  private async withoutSuperseded(states: PostState[]): Promise<PostState[]> {
    const claimed = new Set<string>();
    const kept: PostState[] = [];
    for (const state of [...states].sort((a, b) => b.savedAt.localeCompare(a.savedAt))) {
      if (state.urls.some((url) => claimed.has(url))) {
        await this.removePost(state.entry.id);
        continue;
      }
      for (const url of state.urls) claimed.add(url);
      kept.push(state);
    }
    return kept.sort((a, b) => compareIds(a.entry.id, b.entry.id));
  }

  private postPath(id: string): string {
    return join(this.dir, POSTS, `${fileKey(id)}.json`);
  }

  private recordPath(id: string): string {
    return join(this.dir, RECORDS, `${fileKey(id)}.json`);
  }
}

/** A Tistory number as it is; anything else (a URL-derived id) hashed into a safe name. */
function fileKey(id: string): string {
  return /^\d{1,30}$/.test(id) ? id : `u${createHash('sha256').update(id).digest('hex').slice(0, 24)}`;
}

async function readJson<T>(path: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch {
    return null;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function isPostState(value: PostState): boolean {
  return (
    typeof value.entry?.id === 'string' &&
    typeof value.entry.status === 'string' &&
    Array.isArray(value.urls) &&
    typeof value.recordKey === 'string' &&
    typeof value.savedAt === 'string'
  );
}
