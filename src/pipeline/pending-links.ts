import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { PostRecord } from './post-body.js';

/** Inside the output folder, so it is on the same disk; removed when the run ends. */
export const PENDING_FOLDER = '.tistory-export-pending';

/**
 * Posts written with links to posts that were not exported yet, spooled to disk as they stream past
 * (a run must not hold the blog in memory) and read back one at a time when the run ends.
 */
export class PendingLinks {
  private readonly dir: string;
  private count = 0;

  constructor(outDir: string) {
    this.dir = join(outDir, PENDING_FOLDER);
  }

  /** Drops what a crashed earlier run left behind. */
  async reset(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }

  async add(record: PostRecord): Promise<void> {
    this.count += 1;
    await writeFileAtomic(join(this.dir, `${this.count}.json`), JSON.stringify(record));
  }

  async *records(): AsyncGenerator<PostRecord> {
    if (this.count === 0) return;
    await mkdir(this.dir, { recursive: true });
    for (const name of (await readdir(this.dir)).filter((file) => file.endsWith('.json')).sort()) {
      yield JSON.parse(await readFile(join(this.dir, name), 'utf8')) as PostRecord;
    }
  }
}
