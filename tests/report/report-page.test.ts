import { describe, expect, it } from 'vitest';
import { postViewHtml } from '../../src/report/post-view.js';
import { countsHtml, jsonForScript, reportPageHtml, warningsHtml } from '../../src/report/report-page.js';
import { reportRow } from '../../src/report/report-rows.js';
import type { PostState } from '../../src/state/post-state.js';
import { syntheticSummary } from './synthetic-report.js';

const HOSTILE = '</script><script>alert(1)</script><img src=x onerror=alert(1)>';

function state(overrides: Partial<PostState['entry']>, linked = true): PostState {
  const entry = {
    id: '7',
    url: 'https://a.tistory.com/7',
    title: '제목',
    status: 'ok' as const,
    files: ['x.md'],
    ...overrides,
  };
  return {
    entry,
    urls: [entry.url],
    origins: [],
    lastmod: null,
    updated: null,
    linked: linked
      ? {
          id: entry.id,
          slug: 's',
          url: entry.url,
          title: entry.title,
          published: '2020-01-02T03:04:05+09:00',
          categories: ['개발', 'Python'],
        }
      : null,
    protectedMeta: null,
    pendingLinks: false,
    recordKey: 'k',
    run: 'r',
    change: 'added',
    savedAt: '2020-01-01T00:00:00Z',
  };
}

describe('report rows', () => {
  it('takes date and category from the exported post, and links its view', () => {
    const row = reportRow(state({ bodyFoundBy: 'skin' }));
    expect(row).toMatchObject({
      date: '2020-01-02T03:04:05+09:00',
      category: '개발 / Python',
      view: 'report/posts/7.html',
      problem: false,
    });
  });

  it('counts a guessed body, a warning or a post not exported as a problem', () => {
    expect(reportRow(state({ bodyFoundBy: 'scored' })).problem).toBe(true);
    expect(reportRow(state({ warnings: ['image kept its remote URL'] })).problem).toBe(true);
    expect(reportRow(state({ status: 'failed', error: 'HTTP 500' }, false))).toMatchObject({
      problem: true,
      view: null,
    });
  });

  it('names the view of a post without a number by a hash, never by its id', () => {
    expect(reportRow(state({ id: '../../evil' })).view).toMatch(/^report\/posts\/u[0-9a-f]{24}\.html$/);
  });

  it('shows a kept export’s failed refresh as a warning', () => {
    const kept = { ...state({}), refreshError: 'HTTP 503' };
    expect(reportRow(kept)).toMatchObject({ warnings: ['HTTP 503'], problem: true });
  });
});

describe('report page', () => {
  it('embeds the rows so that no title can end the script', () => {
    const json = jsonForScript([{ title: HOSTILE, note: '\u2028' }]);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual([{ title: HOSTILE, note: '\u2028' }]);
  });

  it('escapes the source, the warnings and every count label', () => {
    const summary = { ...syntheticSummary(3), source: HOSTILE, warnings: [HOSTILE] };
    const page = reportPageHtml(summary);
    expect(page).not.toContain('<img src=x');
    expect(page.match(/<script>/g)).toHaveLength(1);
    expect(warningsHtml([HOSTILE])).toBe(
      '<section class="warnings"><h2>Warnings (1)</h2><ul><li>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</li></ul></section>',
    );
  });

  it('counts the posts by status and the problems, and nothing of what the last run did', () => {
    const summary = syntheticSummary(100);
    const html = countsHtml(summary, 9);
    expect(html).toContain('<li class="card total" data-count="total"><strong>100</strong><span>posts</span></li>');
    expect(html).toContain('data-count="status-failed"><strong>2</strong>');
    expect(html).toContain('data-count="problems"><strong>9</strong>');
    expect(html).not.toMatch(/this run|added/i);
    expect(warningsHtml([])).toContain('None.');
  });

  it('dates the page by the export’s last change, which a run that changes nothing keeps', () => {
    const page = reportPageHtml(syntheticSummary(3));
    expect(page).toContain('last changed <time>2025-01-01T00:00:00.000Z</time>');
    expect(page.match(/<time>/g)).toHaveLength(1);
  });
});

describe('post view', () => {
  it('escapes the title and the Markdown source, and links the original and the files', () => {
    const row = { ...syntheticSummary(1).rows[0]!, title: HOSTILE, files: ['markdown/posts/한글 제목.md'] };
    const html = postViewHtml({ row, originalHtml: '<p>a</p>', markdownHtml: '<p>b</p>', markdown: HOSTILE });
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script');
    expect(html).toContain('<a href="../../markdown/posts/%ED%95%9C%EA%B8%80%20%EC%A0%9C%EB%AA%A9.md">');
    expect(html).toContain(
      '<a href="https://example.tistory.com/1" target="_blank" rel="noopener noreferrer">original</a>',
    );
    expect(html).toContain('<section class="original"><h2>Original, as extracted</h2><div class="body"><p>a</p></div>');
  });
});
