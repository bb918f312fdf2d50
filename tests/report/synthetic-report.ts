import type { ReportSummary } from '../../src/report/report-page.js';
import type { ReportRow } from '../../src/report/report-rows.js';

const CATEGORIES = ['개발 / Python', '일상 기록', '여행', '책', '개발 / JavaScript'];

/** A large blog's report data, made up (not an export): every 50th post failed, every 20th with a warning. */
export function syntheticSummary(posts: number): ReportSummary {
  const rows: ReportRow[] = [];
  for (let index = 1; index <= posts; index++) {
    const failed = index % 50 === 0;
    const warned = index % 20 === 0;
    rows.push({
      id: String(index),
      url: `https://example.tistory.com/${index}`,
      title: `${index}번째 글: 파이썬으로 CSV 파일 다루기 <${index % 7}>`,
      status: failed ? 'failed' : 'ok',
      date: new Date(Date.UTC(2012, 0, 1) + index * 8.64e7).toISOString().replace('.000Z', '+09:00'),
      category: CATEGORIES[index % CATEGORIES.length] ?? '',
      bodyFoundBy: failed ? null : index % 97 === 0 ? 'scored' : 'skin',
      warnings: warned ? [`https://blog.kakaocdn.net/dn/${index}/img.jpg kept its remote URL: HTTP 404`] : [],
      error: failed ? 'HTTP 500 after 3 attempts' : null,
      files: failed ? [] : [`markdown/posts/${index}.md`],
      view: failed ? null : `report/posts/${index}.html`,
      problem: failed || warned || index % 97 === 0,
    });
  }
  const failed = rows.filter((row) => row.status === 'failed').length;
  return {
    source: 'https://example.tistory.com',
    lastChanged: '2025-01-01T00:00:00.000Z',
    toolVersion: '0.0.0',
    counts: { ok: posts - failed, protected: 0, missing: 0, failed },
    warnings: [],
    rows,
  };
}
