import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** The README's pictures of the report, made by the browser tests when UPDATE_SCREENSHOTS=1. */
export const SCREENSHOTS = {
  report: fileURLToPath(new URL('../../docs/images/report.png', import.meta.url)),
  post: fileURLToPath(new URL('../../docs/images/report-post.png', import.meta.url)),
};

export async function saveScreenshot(page: Page, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await page.screenshot({ path, animations: 'disabled' });
}
