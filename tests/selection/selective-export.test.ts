// Exporting part of a blog: a category or tag URL as the source, `--category`, `--since`/`--until`.
// The fixture blog answers on 127.0.0.1, not on *.tistory.com: it stands for a blog on a custom domain.
// A selective run into a folder that holds a full export leaves that export whole: nothing removed,
// nothing reported deleted or unavailable, nothing rewritten with less.

import { access, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FixturePost } from '../../demo/blog/fixture-data.js';
import { runCli } from '../../src/cli/run.js';
import { exportBlog } from '../../src/export.js';
import type { ChangeReport, ExportEvent, Fetcher, Manifest } from '../../src/types.js';
import { exportSnapshot } from '../helpers/export-process.js';
import { captureIo } from '../helpers/capture-io.js';
import { serveFixtureBlogAndCdn } from '../helpers/fixture-servers.js';
import { simpleFetcher } from '../helpers/simple-fetcher.js';

const fixture = serveFixtureBlogAndCdn();

async function exportTo(outDir: string, source: string, ...extra: string[]) {
  const { out, err, io } = captureIo();
  const pages = fixture.blog.requests.length;
  const code = await runCli(
    [source, '-o', outDir, '-f', 'markdown,jsonl', '--rate', '0', '--concurrency', '4', ...extra],
    io,
    {
      hostMap: fixture.cdn.hostMap,
    },
  );
  const read = async <T>(name: string) => JSON.parse(await readFile(join(outDir, name), 'utf8')) as T;
  return {
    code,
    stdout: out.join(''),
    stderr: err.join(''),
    changes: code === 2 ? null : await read<ChangeReport>('changes.json'),
    manifest: code === 2 ? null : await read<Manifest>('manifest.json'),
    /** Post pages this run asked for, sorted. */
    postPages: fixture.blog.requests
      .slice(pages)
      .filter((path) => /^\/(\d+|notice\/\d+|pages\/[^/?]+)$/.test(path))
      .sort(),
  };
}

const byNumber = (a: string, b: string) => Number(a) - Number(b);
const ids = (posts: readonly { id: string }[]) => posts.map((post) => post.id).sort(byNumber);

/** Posts a visitor sees in `path` or its subcategories, by id (what the category's list shows). */
function idsInCategory(...path: string[]): string[] {
  return ids(
    fixture.data.posts.filter(
      (post) => post.state !== 'deleted' && path.every((name, index) => post.categories[index] === name),
    ),
  );
}

function post(id: string): FixturePost {
  return fixture.data.posts.find((candidate) => candidate.id === id)!;
}

/** The Markdown file of post `id` in the export whose manifest is given. */
function markdownFile(outDir: string, manifest: Manifest, id: string): string {
  const file = manifest.posts.find((entry) => entry.id === id)?.files.find((name) => name.endsWith('.md'));
  if (!file) throw new Error(`post ${id} has no Markdown file`);
  return join(outDir, file);
}

describe('a category URL as the source', () => {
  it('exports that category and its subcategories, and says so in one line', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'te-select-category-'));
    const run = await exportTo(outDir, `${fixture.blog.url}/category/개발`);
    expect(run.code, run.stderr).toBe(0);
    const expected = idsInCategory('개발');
    expect(expected).toEqual(expect.arrayContaining(idsInCategory('개발', 'Python')));
    expect(ids(run.manifest!.posts)).toEqual(expected);
    expect(run.postPages).toEqual(expected.map((id) => `/${id}`).sort());
    expect(run.stderr).toContain(`Exporting category 개발 (and its subcategories): ${expected.length} posts.`);
    const jsonl = (await readFile(join(outDir, 'posts.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(jsonl.map((line) => JSON.parse(line).id as string).sort(byNumber)).toEqual(expected);
  });

  it('exports a subcategory alone, given percent-encoded as a browser copies it', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'te-select-subcategory-'));
    const run = await exportTo(outDir, `${fixture.blog.url}/category/%EA%B0%9C%EB%B0%9C/Python?page=2`);
    expect(run.code, run.stderr).toBe(0);
    expect(ids(run.manifest!.posts)).toEqual(idsInCategory('개발', 'Python'));
    expect(run.stderr).toContain('Exporting category 개발/Python (and its subcategories): 3 posts.');
  });

  it('with a name the blog does not have, stops with one line naming the categories it has', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'te-select-missing-'));
    const run = await exportTo(outDir, `${fixture.blog.url}/category/개발/Pyton`);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `tistory-export: category 개발/Pyton not found on ${fixture.blog.url} (HTTP 404); its categories: 개발, 개발/Python, 개발/JavaScript, 일상 기록, 여행\n`,
    );
    expect(run.postPages).toEqual([]);
  });
});

describe('a tag URL as the source', () => {
  it('exports the posts with the tag; the posts its sidebar links to are fetched, found elsewhere, and not written', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'te-select-tag-'));
    const run = await exportTo(outDir, `${fixture.blog.url}/tag/Python`);
    expect(run.code, run.stderr).toBe(0);
    const tagged = ids(
      fixture.data.posts.filter((candidate) => candidate.tags.includes('Python') && candidate.state !== 'deleted'),
    );
    expect(ids(run.manifest!.posts)).toEqual(tagged);
    // The sidebar's recent posts (38, 36, 33) and the notice are linked from the tag's list too.
    const outside = run.postPages.filter((path) => !tagged.includes(path.slice(1)));
    expect(outside).toEqual(expect.arrayContaining(['/36', '/38']));
    expect(run.stderr).toMatch(/outside +38 {2}봄맞이 여행 계획 \(not in the selection\)/);
    await expect(access(join(outDir, 'markdown', `${post('38').slug}.md`))).rejects.toThrow();
    expect(run.changes!.unavailable).toEqual([]);
    expect(ids(run.changes!.added)).toEqual(tagged);
  });
});

describe('--category', () => {
  it('repeated, exports each category named', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'te-select-flags-'));
    const run = await exportTo(outDir, fixture.blog.url, '--category', '여행', '--category', '개발/python');
    expect(run.code, run.stderr).toBe(0);
    expect(ids(run.manifest!.posts)).toEqual(
      [...idsInCategory('여행'), ...idsInCategory('개발', 'Python')].sort(byNumber),
    );
    expect(run.stderr).toContain('Exporting categories 여행, 개발/python (and their subcategories): 5 posts.');
  });

  it('with a category whose posts include a protected one, exports it as the blog shows it', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'te-select-protected-'));
    const run = await exportTo(outDir, fixture.blog.url, '--category', '일상 기록');
    expect(run.code, run.stderr).toBe(0);
    expect(run.manifest!.posts.map((entry) => [entry.id, entry.status])).toEqual(
      idsInCategory('일상 기록').map((id) => [id, post(id).state === 'protected' ? 'protected' : 'ok']),
    );
  });
});

describe('--since and --until', () => {
  it('export the posts whose sitemap date is in the range, both days included', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'te-select-dates-'));
    // 22 changed on the first day, 2024-01-09; 36 on the last, at 01:12 in Seoul on 2024-11-18 (still the
    // 17th in UTC). 18 changed in 2023 and 38 in 2025. The deleted 26 is still in the sitemap, dated inside.
    const run = await exportTo(outDir, fixture.blog.url, '--since', '2024-01-09', '--until', '2024-11-18');
    expect(run.code, run.stderr).toBe(0);
    expect(ids(run.manifest!.posts)).toEqual(['22', '26', '29', '33', '36']);
    expect(run.changes!.until).toBe('2024-11-18T23:59:59.999+09:00');
    expect(ids(run.changes!.unavailable)).toEqual(['26']);
    expect(run.changes!.skipped.map((skipped) => skipped.id)).toEqual(expect.arrayContaining(['18', '38']));
    expect(run.stdout).toMatch(/skipped \(--since\/--until\)/);
  });

  it('narrow a category', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'te-select-category-dates-'));
    const run = await exportTo(outDir, `${fixture.blog.url}/category/개발`, '--until', '2024-06-30');
    expect(run.code, run.stderr).toBe(0);
    // 7 and 12 are older but beyond the capped sitemap: no date, so left out like any undated post.
    const expected = idsInCategory('개발').filter(
      (id) => post(id).inSitemap && Date.parse(post(id).modified) <= Date.parse('2024-06-30T23:59:59+09:00'),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(run.manifest!.posts)).toEqual(expected);
  });
});

describe('a selective run into a folder that holds a full export', () => {
  it('removes nothing, reports nothing deleted or unavailable, and writes no post with less', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'te-select-into-full-'));
    const full = await exportTo(outDir, fixture.blog.url);
    expect(full.code, full.stderr).toBe(0);
    // The manifest names each run's source: its posts are compared instead.
    const before = await exportSnapshot(outDir, { without: ['changes.json', 'manifest.json', 'report.html'] });

    const selective = await exportTo(outDir, `${fixture.blog.url}/category/여행`);
    expect(selective.code, selective.stderr).toBe(0);
    expect(await exportSnapshot(outDir, { without: ['changes.json', 'manifest.json', 'report.html'] })).toEqual(before);
    expect(selective.manifest!.posts).toEqual(full.manifest!.posts);
    const changes = selective.changes!;
    expect([changes.added, changes.updated, changes.failed, changes.kept, changes.unavailable]).toEqual([
      [],
      [],
      [],
      [],
      [],
    ]);
    expect(ids(changes.unchanged)).toEqual(ids(full.manifest!.posts));
  });

  it('does not write a newer version of a post outside the selection, and keeps its export for the next full run', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'te-select-leak-'));
    const full = await exportTo(outDir, fixture.blog.url);
    expect(full.code).toBe(0);
    const file = markdownFile(outDir, full.manifest!, '38');
    const original = post('38');
    const exported = await readFile(file, 'utf8');
    try {
      // 38 (여행) changed, and the tag list's sidebar links to it: it is fetched, found elsewhere, left as it was.
      fixture.data.posts = fixture.data.posts.map((candidate) =>
        candidate.id === '38'
          ? { ...candidate, modified: '2025-04-18T08:00:00+09:00', body: `${candidate.body}\n<p>덧붙임</p>` }
          : candidate,
      );
      const selective = await exportTo(outDir, `${fixture.blog.url}/tag/Python`);
      expect(selective.code, selective.stderr).toBe(0);
      expect(selective.postPages).toContain('/38');
      expect(await readFile(file, 'utf8')).toBe(exported);
      expect(selective.changes!.updated).toEqual([]);
      expect(selective.changes!.unchanged.map((entry) => entry.id)).toContain('38');
      expect(selective.manifest!.posts.find((entry) => entry.id === '38')?.status).toBe('ok');

      const next = await exportTo(outDir, fixture.blog.url);
      expect(ids(next.changes!.updated)).toEqual(['38']);
      expect(await readFile(file, 'utf8')).toContain('덧붙임');
    } finally {
      fixture.data.posts = fixture.data.posts.map((candidate) => (candidate.id === '38' ? original : candidate));
    }
  });

  it("asks for the comments of the selection's posts only", async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'te-select-comments-'));
    expect((await exportTo(outDir, fixture.blog.url, '--comments', 'json')).code).toBe(0);
    const before = fixture.blog.requests.length;
    const selective = await exportTo(outDir, fixture.blog.url, '--category', '개발/Python', '--comments', 'json');
    expect(selective.code, selective.stderr).toBe(0);
    const asked = fixture.blog.requests
      .slice(before)
      .flatMap((path) => /^\/m\/api\/(\d+)\/comment/.exec(path)?.[1] ?? []);
    expect([...new Set(asked)].sort(byNumber)).toEqual(idsInCategory('개발', 'Python'));
  });

  it('then a full run leaves the folder as a fresh full export would be', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'te-select-then-full-'));
    expect((await exportTo(outDir, `${fixture.blog.url}/category/개발/Python`)).code).toBe(0);
    const full = await exportTo(outDir, fixture.blog.url);
    expect(full.code, full.stderr).toBe(0);
    expect(ids(full.changes!.unchanged)).toEqual(idsInCategory('개발', 'Python'));
    const fresh = await mkdtemp(join(tmpdir(), 'te-select-fresh-'));
    expect((await exportTo(fresh, fixture.blog.url)).code).toBe(0);
    expect(await exportSnapshot(outDir, { without: ['changes.json', 'report.html'] })).toEqual(
      await exportSnapshot(fresh, { without: ['changes.json', 'report.html'] }),
    );
  });
});

describe('a skin whose category list links carry no ?category=', () => {
  /** The fixture's pages without the query Tistory adds to a category list's post links. */
  function withoutListMarks(inner: Fetcher): Fetcher {
    return {
      async get(url, options) {
        const response = await inner.get(url, options);
        if (!/\/category\//.test(new URL(url).pathname)) return response;
        const body = Buffer.from(response.text().replace(/\?category=\d+/g, ''), 'utf8');
        return { ...response, body, text: () => body.toString('utf8') };
      },
    };
  }

  it("still writes only the category's posts: each fetched page says where it belongs", async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'te-select-unmarked-'));
    const events: ExportEvent[] = [];
    const result = await exportBlog({
      source: `${fixture.blog.url}/category/여행`,
      out: outDir,
      images: 'none',
      fetcher: withoutListMarks(simpleFetcher()),
      onEvent: (event) => events.push(event),
    });
    expect(ids(result.manifest.posts)).toEqual(idsInCategory('여행'));
    const outside = events.flatMap((event) => (event.type === 'outside' ? [event.id] : []));
    expect(outside.length).toBeGreaterThan(0);
    expect(outside.filter((id) => idsInCategory('여행').includes(id))).toEqual([]);
    expect(result.changes!.unavailable).toEqual([]);
  });
});
