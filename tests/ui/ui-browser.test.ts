// Issue 17: the local web app in a real browser (Debian's chromium, driven by playwright-core). The
// fixture blog is exported from the form, its progress watched to the end, a run cancelled and resumed,
// the zip downloaded and read, and the token and the Korean page checked.

import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import yauzl from 'yauzl';
import { startFixtureBlog, type FixtureBlog } from '../../demo/blog/fixture-blog.js';
import { startFixtureCdn, type FixtureCdn } from '../../demo/blog/fixture-cdn.js';
import { startUiServer, type UiServer } from '../../src/ui/server.js';
import { backupFiles, writeZip } from '../backup/backup-fixture.js';
import { launchBrowser } from '../helpers/browser.js';
import { listFiles } from '../helpers/golden.js';
import { beforeAllWith, itWith } from '../helpers/outside-programs.js';

/** The README's picture of the app, made here when UPDATE_SCREENSHOTS=1. */
const SCREENSHOT = fileURLToPath(new URL('../../docs/images/ui.png', import.meta.url));
/** Posts the fixture blog serves: 14 ok, 1 protected, 1 missing. */
const FIXTURE_POSTS = 16;
/** How long a post page of the slow blog takes to answer: long enough to press cancel between two posts. */
const SLOW_POST_MS = 400;
const RUN_TIMEOUT = 60_000;

let browser: Browser;
let cdn: FixtureCdn;
let blog: FixtureBlog;
let slowBlog: FixtureBlog;
let ui: UiServer;
let work: string;
const cleanups: (() => Promise<unknown>)[] = [];

beforeAllWith(
  'chromium',
  async () => {
    [cdn, blog, slowBlog] = await Promise.all([
      startFixtureCdn(),
      // Every answer a little late, so the page shows the run's progress between its start and its end.
      startFixtureBlog({ failFirst: {}, delayMs: 40 }),
      startFixtureBlog({ failFirst: {}, delayMs: (path) => (/^\/\d+$/.test(path) ? SLOW_POST_MS : 0) }),
    ]);
    cleanups.push(
      () => cdn.close(),
      () => blog.close(),
      () => slowBlog.close(),
    );
    ui = await startUiServer({ hostMap: cdn.hostMap });
    cleanups.push(() => ui.close());
    work = await mkdtemp(join(tmpdir(), 'te-ui-'));
    cleanups.push(() => rm(work, { recursive: true, force: true }));
    browser = await launchBrowser();
    cleanups.push(() => browser.close());
  },
  60_000,
);

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function openApp(locale = 'en-US'): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1100, height: 1000 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(ui.url);
  // The first message of the event stream has arrived: the page shows the app's state.
  await page.waitForSelector('#progress[data-run]', { state: 'attached' });
  return page;
}

/** Fills the form for `source` into `out`, with no pause between requests (the blog is local). */
async function fillForm(page: Page, source: string, out: string): Promise<void> {
  await page.fill('#source-url', source);
  await page.fill('#field-out', out);
  await page.click('details summary');
  await page.fill('#field-rate', '0');
}

const textOf = async (page: Page, selector: string) => (await page.textContent(selector))?.trim() ?? '';

/** Which run of the app the page shows; each page opens on the last run's state. */
async function runShown(page: Page): Promise<number> {
  return Number((await page.getAttribute('#progress', 'data-run')) ?? 0);
}

/** Presses a button that starts a run, and waits for that run (not the one before) to reach `phase`. */
async function startAndWait(page: Page, button: string, phase: string): Promise<void> {
  const before = await runShown(page);
  await page.click(button);
  await waitForPhase(page, phase, before + 1);
}

async function waitForPhase(page: Page, phase: string, run: number): Promise<void> {
  await page.waitForSelector(`#progress[data-phase="${phase}"][data-run="${run}"]`, { timeout: RUN_TIMEOUT });
}

/** The zip's entry names. */
function zipEntries(path: string): Promise<string[]> {
  return new Promise((resolveNames, reject) => {
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const names: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolveNames(names.sort()));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

itWith(
  'chromium',
  'exports the fixture blog from the form, shows its progress to the end, and offers the report and a zip',
  async () => {
    const out = join(work, 'from-form');
    const page = await openApp();
    // Every "done" count the page showed, to see that progress arrived while the run went on.
    // Given as text: this project's type check knows no DOM.
    await page.evaluate(`
      window.seenDone = [];
      new MutationObserver(() => {
        const done = document.querySelector('#done')?.textContent;
        if (done && window.seenDone.at(-1) !== done) window.seenDone.push(done);
      }).observe(document.querySelector('#progress'), { childList: true, subtree: true });
    `);
    await fillForm(page, blog.url, out);
    await startAndWait(page, '#start', 'done');

    expect(await textOf(page, '#found')).toBe(String(FIXTURE_POSTS));
    expect(await textOf(page, '#done')).toBe(`${FIXTURE_POSTS} / ${FIXTURE_POSTS}`);
    expect(await textOf(page, '#failed')).toBe('0');
    expect(await textOf(page, '#summary')).toBe('Posts: ok 14 · protected 1 · missing 1 · failed 0');
    expect(await textOf(page, '#out-dir')).toContain(out);
    const seen = (await page.evaluate('window.seenDone')) as string[];
    const between = seen.filter((done) => /^\d+ \/ 16$/.test(done) && !['0 / 16', '16 / 16'].includes(done));
    expect(between.length, seen.join(', ')).toBeGreaterThan(0);
    expect(await listFiles(out)).toContain('manifest.json');

    const report = await page.request.get(new URL((await page.getAttribute('#report-link', 'href'))!, ui.url).href);
    expect(report.status()).toBe(200);
    expect(report.headers()['content-type']).toContain('text/html');

    if (process.env.UPDATE_SCREENSHOTS === '1') {
      // The picture shows the form as a user first meets it, the advanced options folded away.
      await page.click('details summary');
      await mkdir(dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true, animations: 'disabled' });
    }

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#zip-link')]);
    const zipPath = join(work, 'export.zip');
    await download.saveAs(zipPath);
    const written = (await listFiles(out)).filter((file) => !file.startsWith('.tistory-export/'));
    expect(await zipEntries(zipPath)).toEqual([...written].sort());
    expect(written).toContain('report.html');
    expect(written.filter((file) => file.endsWith('.md')).length).toBeGreaterThanOrEqual(14);
    await page.context().close();
  },
  RUN_TIMEOUT * 2,
);

itWith(
  'chromium',
  'cancels a run between two posts, and resumes it into the same folder without fetching the saved posts again',
  async () => {
    const out = join(work, 'cancelled');
    const page = await openApp();
    await fillForm(page, slowBlog.url, out);
    const run = (await runShown(page)) + 1;
    await page.click('#start');
    // Polled from here: the page's Content-Security-Policy forbids the eval a string predicate needs.
    await expect
      .poll(async () => `${await runShown(page)}: ${await textOf(page, '#done')}`, {
        timeout: RUN_TIMEOUT,
        interval: 50,
      })
      .toMatch(new RegExp(`^${run}: [2-9] /`));
    await page.click('#cancel');
    await waitForPhase(page, 'cancelled', run);
    const doneAtCancel = Number((await textOf(page, '#done')).split(' / ')[0]);
    expect(doneAtCancel).toBeLessThan(FIXTURE_POSTS);
    expect(await page.isVisible('#resume')).toBe(true);
    expect(await page.isVisible('#cancel')).toBe(false);
    const requestsBefore = slowBlog.requests.length;

    await startAndWait(page, '#resume', 'done');
    const resumedTotal = Number((await textOf(page, '#done')).split(' / ')[1]);
    expect(resumedTotal).toBe(FIXTURE_POSTS - doneAtCancel);
    expect(await textOf(page, '#summary')).toBe('Posts: ok 14 · protected 1 · missing 1 · failed 0');
    const fetchedAgain = slowBlog.requests
      .slice(requestsBefore)
      .filter((path) => /^\/\d+$/.test(path) && slowBlog.requests.slice(0, requestsBefore).includes(path));
    // Only the posts in flight when cancel was pressed (two at once) were stopped unsaved and asked again.
    expect(fetchedAgain.length).toBeLessThanOrEqual(2);
    await page.context().close();
  },
  RUN_TIMEOUT * 2,
);

itWith(
  'chromium',
  'exports an uploaded backup zip',
  async () => {
    const zip = await writeZip(work, 'backup.zip', backupFiles());
    const out = join(work, 'from-backup');
    const page = await openApp();
    await page.setInputFiles('#source-zip', zip);
    await page.fill('#field-out', out);
    await page.fill('#field-blogUrl', 'https://myblog.tistory.com');
    await startAndWait(page, '#start', 'done');
    expect(await textOf(page, '#summary')).toBe('Posts: ok 4 · protected 0 · missing 0 · failed 0');
    expect((await listFiles(out)).filter((file) => file.endsWith('.md'))).toHaveLength(4);
    await page.context().close();
  },
  RUN_TIMEOUT,
);

itWith('chromium', "shows the CLI's own refusal of a bad value, and starts nothing", async () => {
  const page = await openApp();
  await fillForm(page, blog.url, join(work, 'refused'));
  await page.fill('#field-concurrency', '0');
  await page.click('#start');
  await expect.poll(() => textOf(page, '#form-error')).not.toBe('');
  expect(await textOf(page, '#form-error')).toBe('--concurrency must be a whole number of at least 1, got "0"');
  await expect(readdir(join(work, 'refused'))).rejects.toThrow(/ENOENT/);
  await page.context().close();
});

itWith('chromium', 'refuses a page, or a request, without the launch token', async () => {
  const page = await openApp();
  const origin = new URL(ui.url).origin;
  expect((await page.goto(`${origin}/`))?.status()).toBe(403);
  expect((await page.goto(`${origin}/api/events`))?.status()).toBe(403);
  const run = await page.request.post(`${origin}/api/run`, {
    data: { source: { url: blog.url }, values: { out: join(work, 'no-token') } },
  });
  expect(run.status()).toBe(403);
  expect((await page.goto(ui.url))?.status()).toBe(200);
  await page.context().close();
});

itWith('chromium', 'refuses a request that names another host, as a rebound domain would', async () => {
  const status = await new Promise<number>((resolveStatus, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port: ui.port,
        path: new URL(ui.url).pathname,
        headers: { host: `rebound.example:${ui.port}` },
      },
      (response) => {
        response.resume();
        resolveStatus(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    request.end();
  });
  expect(status).toBe(403);
});

itWith('chromium', 'speaks Korean to a Korean browser, and English to others', async () => {
  const korean = await openApp('ko-KR');
  expect(await korean.getAttribute('html', 'lang')).toBe('ko');
  expect(await textOf(korean, '#start')).toBe('내보내기');
  expect(await textOf(korean, 'label[for="source-url"]')).toBe('블로그 주소');
  expect(await textOf(korean, 'label[for="field-out"]')).toContain('저장할 폴더');
  await korean.context().close();
  const english = await openApp('en-US');
  expect(await english.getAttribute('html', 'lang')).toBe('en');
  expect(await textOf(english, '#start')).toBe('Export');
  await english.context().close();
});
