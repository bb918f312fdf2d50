// Long runs extract and convert pages in a worker thread with a capped heap. Whatever runs there must
// give exactly what the main thread gives, and nothing may be lost when a worker cannot do its task.

import { afterEach, describe, expect, it } from 'vitest';
import { POOL_THRESHOLD } from '../../src/names.js';
import { StagePool, createStages } from '../../src/read/stage-pool.js';
import { inThreadStages, type ConvertSettings } from '../../src/read/pure-stages.js';
import { loadPageFixture, loadPageFixtures } from '../helpers/page-fixtures.js';

// The compiled worker (tests/global-setup.ts builds dist/): a worker thread cannot run TypeScript.
const WORKER_URL = new URL('../../dist/read/stage-worker.js', import.meta.url);
const BLOG = 'https://hello.tistory.com';

const pools: StagePool[] = [];
function pool(options: Partial<ConstructorParameters<typeof StagePool>[0]> = {}): StagePool {
  const created = new StagePool({ size: 1, workerUrl: WORKER_URL, ...options });
  pools.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((created) => created.close()));
});

const postPages = loadPageFixtures();
const helloPage = loadPageFixture('hello').html;

const SETTINGS: ConvertSettings = { images: 'download', names: { blogOrigin: BLOG, origins: [] } };

/** A real skin page whose article holds `paragraphs` more long paragraphs: megabytes of HTML. */
function bigPage(paragraphs: number): string {
  const end = helloPage.indexOf('</p>') + '</p>'.length;
  const paragraph = `<p>${'긴 글의 한 문단, <b>굵게</b> 그리고 <a href="https://example.com/">링크</a>. '.repeat(20)}</p>\n`;
  return helloPage.slice(0, end) + paragraph.repeat(paragraphs) + helloPage.slice(end);
}

describe('the worker pool', () => {
  it('extracts and converts every post page fixture in a worker exactly as this thread does', async () => {
    const workers = pool({ size: 2 });
    expect(postPages.length).toBeGreaterThan(10);
    let converted = 0;
    for (const { name, html } of postPages) {
      const url = `${BLOG}/${name}`;
      const [inWorker, inThread] = await Promise.all([
        workers.read(html, url, SETTINGS),
        inThreadStages.read(html, url, SETTINGS),
      ]);
      expect(inWorker, name).toEqual(inThread);
      if (inThread.status === 'ok') converted++;
    }
    expect(converted).toBeGreaterThan(10);
    expect(workers.tasksRunInThread).toBe(0);
  });

  it('runs a page too big for the worker heap in this thread, then goes on with a new worker', async () => {
    const workers = pool({ resourceLimits: { maxOldGenerationSizeMb: 24, maxYoungGenerationSizeMb: 4 } });
    const big = bigPage(1500);
    expect(big.length).toBeGreaterThan(1_500_000);
    const smallBefore = await workers.read(helloPage, `${BLOG}/1`, SETTINGS);
    expect(workers.tasksRunInThread).toBe(0);
    const bigResult = await workers.read(big, `${BLOG}/2`, SETTINGS);
    expect(workers.tasksRunInThread).toBe(1);
    const expected = await inThreadStages.read(big, `${BLOG}/2`, SETTINGS);
    expect(expected.status).toBe('ok');
    expect(bigResult).toEqual(expected);
    expect(await workers.read(helloPage, `${BLOG}/1`, SETTINGS)).toEqual(smallBefore);
    expect(workers.tasksRunInThread).toBe(1);
  }, 60_000);

  it('runs everything in this thread when no worker can start', async () => {
    const workers = pool({ workerUrl: new URL('./no-such-worker.js', import.meta.url) });
    const pages = postPages.slice(0, 6);
    const results = await Promise.all(pages.map(({ name, html }) => workers.read(html, `${BLOG}/${name}`, SETTINGS)));
    const expected = await Promise.all(
      pages.map(({ name, html }) => inThreadStages.read(html, `${BLOG}/${name}`, SETTINGS)),
    );
    expect(results).toEqual(expected);
    expect(workers.tasksRunInThread).toBe(pages.length);
  });

  it('rejects with the error a stage throws, as this thread would, and keeps the worker', async () => {
    const workers = pool();
    const broken = null as unknown as string;
    const inThread = await inThreadStages.read(broken, `${BLOG}/1`, SETTINGS).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(inThread).not.toBeNull();
    await expect(workers.read(broken, `${BLOG}/1`, SETTINGS)).rejects.toThrow(inThread!);
    expect((await workers.read(helloPage, `${BLOG}/1`, SETTINGS)).status).toBe('ok');
    expect(workers.tasksRunInThread).toBe(0);
  });

  it('gives up a task that never ends, without trying it in this thread, and goes on', async () => {
    const workers = pool({ workerUrl: new URL('./looping-worker.mjs', import.meta.url), taskTimeoutMs: 1000 });
    await expect(workers.read(helloPage, `${BLOG}/1`, SETTINGS)).rejects.toThrow(
      'reading and converting the page took longer than 1s and was given up',
    );
    await expect(workers.read(helloPage, `${BLOG}/2`, SETTINGS)).rejects.toThrow('took longer than 1s');
    expect(workers.tasksRunInThread).toBe(0);
  });

  it('finishes the tasks still in flight when it is closed', async () => {
    const workers = pool({ size: 2 });
    const pages = postPages.slice(0, 6);
    const pending = pages.map(({ name, html }) => workers.read(html, `${BLOG}/${name}`, SETTINGS));
    await workers.close();
    const expected = await Promise.all(
      pages.map(({ name, html }) => inThreadStages.read(html, `${BLOG}/${name}`, SETTINGS)),
    );
    expect(await Promise.all(pending)).toEqual(expected);
  });

  it('is used by default only for runs long enough to pay for a thread', async () => {
    expect(createStages(0, 10_000)).toBe(inThreadStages);
    expect(createStages(null, POOL_THRESHOLD - 1)).toBe(inThreadStages);
    const auto = createStages(null, POOL_THRESHOLD);
    const asked = createStages(2, 3);
    expect(auto).toBeInstanceOf(StagePool);
    expect(asked).toBeInstanceOf(StagePool);
    await Promise.all([auto.close(), asked.close()]);
  });
});
