// The one rule for a post fetched again: what the fetch shows may replace the folder's export only when
// it is not less than that export, or when --accept-losses says a poorer view of the post is wanted.

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lossOf, type PageView } from '../../src/run/losses.js';
import type { PostRecord } from '../../src/body/post-body.js';
import { StateStore, type PostState } from '../../src/state/post-state.js';
import type { PostStatus } from '../../src/types.js';

function stateOf(id: string, status: PostStatus): PostState {
  const linked =
    status === 'ok'
      ? { id, slug: `post-${id}`, url: `https://a.tistory.com/${id}`, title: '글', published: null, categories: [] }
      : null;
  return {
    entry: {
      id,
      url: `https://a.tistory.com/${id}`,
      title: '글',
      status,
      files: status === 'ok' ? [`markdown/post-${id}.md`] : [],
    },
    urls: [`https://a.tistory.com/${id}`],
    origins: [],
    lastmod: null,
    updated: null,
    linked,
    protectedMeta: null,
    pendingLinks: false,
    recordKey: 'test',
    run: 'earlier',
    change: 'added',
    savedAt: '2025-01-01T00:00:00.000Z',
  };
}

function recordOf(id: string, markdown: string): PostRecord {
  return {
    meta: {
      id,
      url: `https://a.tistory.com/${id}`,
      title: '글',
      published: null,
      updated: null,
      categories: [],
      tags: [],
      author: null,
      description: null,
      cover: null,
      blogName: null,
    },
    id,
    slug: `post-${id}`,
    oldUrls: [],
    markdown,
    html: markdown === '' ? '' : `<p>${markdown}</p>`,
    assets: [],
    links: [],
    cover: null,
  };
}

async function storeWith(states: { state: PostState; markdown?: string }[]): Promise<StateStore> {
  const store = new StateStore(await mkdtemp(join(tmpdir(), 'te-losses-')));
  for (const { state, markdown } of states)
    await store.savePost(state, markdown === undefined ? undefined : recordOf(state.entry.id, markdown));
  return store;
}

const HIDDEN: PageView = { shows: 'hidden', status: 'protected' };
const PLACEHOLDER: PageView = { shows: 'no-article', why: null };
const UNEXTRACTABLE: PageView = { shows: 'no-article', why: 'no post body found' };

describe('lossOf', () => {
  it("keeps a full export from a visitor's view, a page without the article and an empty body", async () => {
    const full = stateOf('1', 'ok');
    const store = await storeWith([{ state: full, markdown: '본문' }]);
    const reasons = async (acceptLosses: boolean) =>
      Promise.all(
        [HIDDEN, PLACEHOLDER, UNEXTRACTABLE, { shows: 'empty-body' } as const].map(
          async (view) => (await lossOf(full, view, { acceptLosses, store }))?.reason ?? null,
        ),
      );
    expect(await reasons(false)).toEqual([
      'kept: now protected for this visitor',
      'kept: page had no article',
      'kept: page had no article (no post body found)',
      'kept: the body is empty now',
    ]);
    // What the blog now shows of the post itself may come in; a page that is not the post never does.
    expect(await reasons(true)).toEqual([
      null,
      'kept: page had no article',
      'kept: page had no article (no post body found)',
      null,
    ]);
  });

  it('reports a failed fetch and a 404 as failures, whatever --accept-losses says', async () => {
    const full = stateOf('1', 'ok');
    const store = await storeWith([{ state: full, markdown: '본문' }]);
    for (const acceptLosses of [false, true]) {
      expect(await lossOf(full, { shows: 'error', error: 'HTTP 503' }, { acceptLosses, store })).toEqual({
        reason: 'fetching it again failed (HTTP 503); the previous export is kept',
        change: 'failed',
      });
      expect(await lossOf(full, { shows: 'nothing' }, { acceptLosses, store })).toEqual({
        reason: 'not found (the blog answers 404 for it now); the previous export is kept',
        change: 'failed',
      });
    }
  });

  it('lets in what is not less: a body where there was none, a protected view of a protected post, anything after a failure', async () => {
    const empty = stateOf('2', 'ok');
    const locked = stateOf('3', 'protected');
    const failed = stateOf('4', 'failed');
    const gone = stateOf('5', 'missing');
    const store = await storeWith([
      { state: empty, markdown: '  \n' },
      { state: locked },
      { state: failed },
      { state: gone },
    ]);
    const options = { acceptLosses: false, store };
    expect(await lossOf(empty, { shows: 'empty-body' }, options)).toBeNull();
    expect(await lossOf(locked, HIDDEN, options)).toBeNull();
    expect((await lossOf(locked, PLACEHOLDER, options))?.change).toBe('kept');
    for (const view of [HIDDEN, PLACEHOLDER, UNEXTRACTABLE, { shows: 'error', error: 'timeout' } as const])
      expect(await lossOf(failed, view, options)).toBeNull();
    expect(await lossOf(gone, HIDDEN, options)).toBeNull();
    expect(await lossOf(gone, { shows: 'nothing' }, options)).toBeNull();
    // A post known gone whose page now fails to extract is a failed fetch, as any other.
    expect(await lossOf(gone, UNEXTRACTABLE, options)).toEqual({
      reason: 'fetching it again failed (no post body found); the previous export is kept',
      change: 'failed',
    });
  });
});
