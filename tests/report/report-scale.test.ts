import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import { reportPageHtml } from '../../src/report/report-page.js';
import { launchBrowser } from '../helpers/browser.js';
import { beforeAllWith, itWith } from '../helpers/outside-programs.js';
import { syntheticSummary } from './synthetic-report.js';

const POSTS = 10_000;
let browser: Browser | undefined;
let dir: string | undefined;

beforeAllWith(
  'chromium',
  async () => {
    dir = await mkdtemp(join(tmpdir(), 'te-report-scale-'));
    await writeFile(join(dir, 'report.html'), reportPageHtml(syntheticSummary(POSTS)));
    browser = await launchBrowser();
  },
  60_000,
);

afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

// The real figure is measured apart from the test suite (docs/report.md); this only catches a page that
// stopped paging (10,000 rows of DOM take several seconds on these machines), with room for a busy CI.
itWith('chromium', `a report of ${POSTS} posts opens a page of rows, pages on, and filters`, async () => {
  if (!browser || !dir) throw new Error('set-up did not run');
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  const start = Date.now();
  await page.goto(pathToFileURL(join(dir, 'report.html')).href);
  await page.waitForSelector('#rows tr');
  expect(Date.now() - start).toBeLessThan(10_000);
  expect(await page.locator('#rows tr').count()).toBe(100);
  expect(await page.locator('#pager span').textContent()).toBe('page 1 of 100');
  await page.getByRole('button', { name: 'Next ›' }).click();
  expect(await page.locator('#rows tr').first().getAttribute('data-id')).toBe('101');
  await page.check('#only-problems');
  const problems = syntheticSummary(POSTS).rows.filter((row) => row.problem).length;
  expect(await page.locator('#shown').textContent()).toBe(`${problems} of ${POSTS} posts`);
  expect(await page.locator('#rows tr').first().getAttribute('data-id')).toBe('20');
  expect(errors).toEqual([]);
});
