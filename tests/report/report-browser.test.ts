import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import { startFixtureBlog } from '../../demo/blog/fixture-blog.js';
import { startFixtureCdn } from '../../demo/blog/fixture-cdn.js';
import { runCli } from '../../src/cli/run.js';
import type { Manifest } from '../../src/types.js';
import { launchBrowser } from '../helpers/browser.js';
import { captureIo } from '../helpers/capture-io.js';
import { beforeAllWith, itWith } from '../helpers/outside-programs.js';
import { SCREENSHOTS, saveScreenshot } from './screenshots.js';

let browser: Browser;
let outDir: string;
let manifest: Manifest;
const cleanups: (() => Promise<unknown>)[] = [];

beforeAllWith(
  'chromium',
  async () => {
    const [blog, cdn] = await Promise.all([startFixtureBlog(), startFixtureCdn()]);
    cleanups.push(
      () => blog.close(),
      () => cdn.close(),
    );
    outDir = await mkdtemp(join(tmpdir(), 'te-report-'));
    cleanups.push(() => rm(outDir, { recursive: true, force: true }));
    const { io, err } = captureIo();
    const code = await runCli([blog.url, '-o', outDir, '--rate', '0', '-f', 'markdown'], io, { hostMap: cdn.hostMap });
    if (code !== 0) throw new Error(`export failed: ${err.join('')}`);
    manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')) as Manifest;
    browser = await launchBrowser();
    cleanups.push(() => browser.close());
  },
  120_000,
);

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Opens the report from file:// and collects every console error and uncaught exception of the page and its frames. */
async function openReport(hash = ''): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
  await page.goto(`${pathToFileURL(join(outDir, 'report.html')).href}${hash}`);
  await page.waitForSelector('#rows tr');
  return { page, errors };
}

/** What the tests read of an `<img>` in the page (the type check has no DOM library). */
interface ImageState {
  src: string;
  complete: boolean;
  naturalWidth: number;
}

const texts = (page: Page, selector: string) => page.locator(selector).allTextContents();

itWith('chromium', 'opens from file:// with the run’s counts, every post, and no console error', async () => {
  const { page, errors } = await openReport();
  const count = async (name: string) => Number(await page.locator(`[data-count="${name}"] strong`).textContent());
  expect(await count('total')).toBe(manifest.posts.length);
  for (const status of ['ok', 'protected', 'missing', 'failed'] as const) {
    expect(await count(`status-${status}`), status).toBe(
      manifest.posts.filter((post) => post.status === status).length,
    );
  }
  const titles = await texts(page, '#rows td.title');
  expect(titles).toHaveLength(manifest.posts.length);
  expect(titles).toContain('C# 입문기: "Hello, World!" 부터 🚀');
  if (process.env.UPDATE_SCREENSHOTS) await saveScreenshot(page, SCREENSHOTS.report);
  expect(errors).toEqual([]);
  await page.close();
});

itWith('chromium', '"only problems" keeps the posts that were not exported', async () => {
  const { page, errors } = await openReport();
  await page.check('#only-problems');
  const statuses = await texts(page, '#rows td.status');
  expect(statuses.sort()).toEqual(['missing', 'protected']);
  expect(await page.locator('#shown').textContent()).toBe(`2 of ${manifest.posts.length} posts`);
  await page.uncheck('#only-problems');
  expect(await page.locator('#rows tr').count()).toBe(manifest.posts.length);
  expect(errors).toEqual([]);
  await page.close();
});

itWith('chromium', 'shows a post’s body beside its Markdown, with the downloaded images', async () => {
  const { page, errors } = await openReport();
  await page.getByRole('link', { name: '블로그를 시작하며' }).click();
  const frame = page.frameLocator('#viewer-frame');
  await expect.poll(() => frame.locator('.original .body').textContent()).toContain('드디어 블로그를 만들었다.');
  expect(await frame.locator('.markdown .body').textContent()).toContain('드디어 블로그를 만들었다.');
  for (const side of ['original', 'markdown']) {
    const images = frame.locator(`.${side} .body img`);
    expect(await images.count(), side).toBe(2);
    for (const image of await images.all()) {
      expect(await image.evaluate((img: ImageState) => img.src)).toMatch(/^file:\/\/.*\/assets\/[^/]+$/);
      await expect.poll(() => image.evaluate((img: ImageState) => img.complete && img.naturalWidth > 0)).toBe(true);
    }
  }
  expect(page.url()).toMatch(/#post=3$/);
  if (process.env.UPDATE_SCREENSHOTS) await saveScreenshot(page, SCREENSHOTS.post);
  await page.click('#viewer-close');
  expect(await page.locator('#viewer').isHidden()).toBe(true);
  expect(errors).toEqual([]);
  await page.close();
});

itWith('chromium', 'opens a post named in the address, a static page with a non-numeric id among them', async () => {
  const { page, errors } = await openReport(`#post=${encodeURIComponent('page-연락처')}`);
  const frame = page.frameLocator('#viewer-frame');
  await expect.poll(() => frame.locator('h1').textContent()).toBe('연락처');
  expect(errors).toEqual([]);
  await page.close();
});
