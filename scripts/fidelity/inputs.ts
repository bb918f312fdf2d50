import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { extractPost } from '../../src/extract/index.js';

/** One body to measure: a golden case, a post of the fixture blog or the body of a full skin page. */
export interface FidelityInput {
  name: string;
  bodyHtml: string;
  baseUrl: string;
}

// The URL the golden-case test converts with.
const CASE_URL = 'https://blog.tistory.com/entry/%ED%85%8C%EC%8A%A4%ED%8A%B8';

export function fidelityInputs(root: string): FidelityInput[] {
  return [...goldenCases(root), ...fixtureBlogPosts(root), ...skinPages(root, 'fixtures/post-pages')];
}

function goldenCases(root: string): FidelityInput[] {
  const dir = join(root, 'tests/convert/cases');
  return sortedEntries(dir)
    .filter((name) => existsSync(join(dir, name, 'input.html')))
    .map((name) => ({
      name: `case/${name}`,
      bodyHtml: readFileSync(join(dir, name, 'input.html'), 'utf8'),
      baseUrl: CASE_URL,
    }));
}

function fixtureBlogPosts(root: string): FidelityInput[] {
  const dir = join(root, 'fixtures/blog/posts');
  const blog = JSON.parse(readFileSync(join(root, 'fixtures/blog/blog.json'), 'utf8')) as { tistoryUrl: string };
  return sortedEntries(dir)
    .filter((name) => name.endsWith('.html'))
    .map((name) => {
      const id = basename(name, '.html');
      return {
        name: `blog/${id}`,
        bodyHtml: readFileSync(join(dir, name), 'utf8'),
        baseUrl: `${blog.tistoryUrl}/${id}`,
      };
    });
}

/** Full pages: the body is what extraction finds, at the URL the page's expectation names. */
function skinPages(root: string, folder: string): FidelityInput[] {
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  return sortedEntries(dir)
    .filter((name) => name.endsWith('.html') && existsSync(join(dir, name.replace(/\.html$/, '.expected.json'))))
    .flatMap((name) => {
      const expected = JSON.parse(readFileSync(join(dir, name.replace(/\.html$/, '.expected.json')), 'utf8')) as {
        fetchedUrl?: string;
      };
      const url = expected.fetchedUrl ?? 'https://example.tistory.com/1';
      const extraction = extractPost(readFileSync(join(dir, name), 'utf8'), url);
      if (extraction.status !== 'ok') return [];
      return [
        {
          name: `${basename(folder)}/${basename(name, '.html')}`,
          bodyHtml: extraction.bodyHtml,
          baseUrl: extraction.meta.url,
        },
      ];
    });
}

function sortedEntries(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}
