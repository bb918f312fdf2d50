// The golden conversion cases (`cases/<name>/input.html` + `expected.md`) and the export's way of
// converting a body, shared by the tests that run every case.

import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fragmentToMarkdownAndHtml } from '../../src/convert/index.js';
import { parseBody, renderSubstitutionCodes } from '../../src/convert/prepare/index.js';

export const CASES_DIR = fileURLToPath(new URL('./cases', import.meta.url));
export const POST_URL = 'https://blog.tistory.com/entry/%ED%85%8C%EC%8A%A4%ED%8A%B8';

export const caseNames = readdirSync(CASES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** As the export converts a body: codes expanded, parsed once, both outputs from that fragment. */
export function convertAsExport(body: string): { markdown: string; html: string } {
  const $ = parseBody(body);
  renderSubstitutionCodes($);
  return fragmentToMarkdownAndHtml($, { baseUrl: POST_URL });
}
