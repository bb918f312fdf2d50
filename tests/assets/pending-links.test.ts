import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureBlog, type FixtureBlog } from '../../demo/blog/fixture-blog.js';
import { exportBlog } from '../../src/export.js';
import { createHttpClient } from '../../src/fetch/http-client.js';
import type { Fetcher } from '../../src/types.js';
import { listFiles } from '../helpers/golden.js';

const LINKING = 'markdown/python-리스트-컴프리헨션-정리.md'; // post 12 links to /m/41?category=…#pandas
const LINKED = 'python으로-csv-파일-다루기.md';

describe('a link to a post exported later in the same run', () => {
  let blog: FixtureBlog;
  beforeAll(async () => {
    blog = await startFixtureBlog({ failFirst: {} });
  });
  afterAll(() => blog.close());

  it('is written with its old URL first and fixed up, atomically, when the run ends', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'te-pending-'));
    const client = createHttpClient({ rate: 0, concurrency: 4 });
    let release!: () => void;
    const post12Written = new Promise<void>((resolve) => (release = resolve));
    // Holds post 41 back until post 12 is written, so 12 links forward to a post not exported yet.
    const fetcher: Fetcher = {
      async get(url, options) {
        if (url === `${blog.url}/41`) await post12Written;
        return client.get(url, options);
      },
    };
    let firstWrite = '';
    try {
      const result = await exportBlog({
        source: blog.url,
        out: outDir,
        fetcher,
        images: 'remote',
        formats: ['markdown', 'jsonl'],
        concurrency: 4,
        onEvent: (event) => {
          if (event.type === 'post' && event.entry.id === '12') {
            firstWrite = readFileSync(join(outDir, LINKING), 'utf8');
            release();
          }
        },
      });
      expect(result.counts.failed).toBe(0);
    } finally {
      await client.close();
    }
    expect(firstWrite).toContain('[CSV 파일 다루기](https://export-demo.tistory.com/m/41?category=1028402#pandas)');
    expect(readFileSync(join(outDir, LINKING), 'utf8')).toContain(`[CSV 파일 다루기](${LINKED}#pandas)`);
    // posts.jsonl keeps Tistory URLs for links between posts: records have no location to point at.
    const records = readFileSync(join(outDir, 'posts.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(records.filter((record) => record.id === '12')).toHaveLength(1);
    expect(records.find((record) => record.id === '12').markdown).toContain(
      '(https://export-demo.tistory.com/m/41?category=1028402#pandas)',
    );
    expect((await listFiles(outDir)).filter((file) => file.includes('pending') || file.endsWith('.tmp'))).toEqual([]);
  });

  it('stays absolute when the linked post is not part of the export', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'te-pending-'));
    await exportBlog({ source: `${blog.url}/12`, out: outDir, images: 'remote', rate: 0 });
    expect(readFileSync(join(outDir, LINKING), 'utf8')).toContain(
      '[CSV 파일 다루기](https://export-demo.tistory.com/m/41?category=1028402#pandas)',
    );
  });
});
