import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { compareIds } from '../names.js';
import { writeChunksAtomic, writeFileAtomic } from '../util/atomic-write.js';

/**
 * The pieces of a one-file format (a WXR item, a Ghost post), one per post, kept on disk until the run
 * ends: a large blog never sits in memory, a post written again (its links fixed) simply replaces its
 * piece, and the file comes out in post-id order whatever order posts finished in.
 */
export class PostSpool {
  private readonly pieces = new Map<string, string>();

  constructor(private readonly dir: string) {}

  /** Stores (or replaces) the piece of post `id`. */
  async put(id: string, text: string): Promise<void> {
    let name = this.pieces.get(id);
    if (name === undefined) {
      name = `${this.pieces.size + 1}.part`;
      this.pieces.set(id, name);
    }
    await writeFileAtomic(join(this.dir, name), text);
  }

  get size(): number {
    return this.pieces.size;
  }

  /** The pieces in post-id order, read one at a time. */
  async *inOrder(): AsyncGenerator<{ id: string; text: string }> {
    const ids = [...this.pieces.keys()].sort(compareIds);
    for (const id of ids) yield { id, text: await readFile(join(this.dir, this.pieces.get(id)!), 'utf8') };
  }

  /**
   * Writes `head`, the pieces in post-id order (each through `render` when given) joined by `separator`,
   * and `tail` to `path`; then drops the spool.
   */
  async assemble(
    path: string,
    parts: { head: string; separator: string; tail: string; render?: (piece: { id: string; text: string }) => string },
  ): Promise<void> {
    const pieces = this.inOrder();
    const render = parts.render ?? ((piece: { text: string }) => piece.text);
    async function* chunks() {
      yield parts.head;
      let first = true;
      for await (const piece of pieces) {
        yield first ? render(piece) : `${parts.separator}${render(piece)}`;
        first = false;
      }
      yield parts.tail;
    }
    await writeChunksAtomic(path, chunks());
    await this.remove();
  }

  async remove(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
