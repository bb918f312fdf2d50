// A bad batch config is refused before any request: every problem at once, each with its line and
// field, exit 2, and the blogs' servers never asked anything.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureBlog, type FixtureBlog } from '../../demo/blog/fixture-blog.js';
import { readBatchConfig } from '../../src/batch/read-config.js';
import { batchFolder, runBatchCommand, writeBackupZip, writeConfig } from './batch-fixtures.js';

let blog: FixtureBlog;
let folder: string;
beforeAll(async () => {
  blog = await startFixtureBlog({ failFirst: {} });
  folder = await batchFolder();
  await writeBackupZip(folder);
});
afterAll(() => blog.close());

async function refused(yaml: string) {
  const config = await writeConfig(folder, yaml, `config-${Math.random().toString(36).slice(2)}.yaml`);
  const run = await runBatchCommand([config, '--summary', `${config}.summary.json`]);
  expect(run.code, run.stderr).toBe(2);
  expect(blog.requests).toEqual([]);
  expect(run.stdout).toBe('');
  return run.stderr
    .trim()
    .split('\n')
    .map((line) => line.replace(`${config}:`, ''));
}

describe('a bad batch config', () => {
  it('lists every wrong value with its line and field, in the option table’s words', async () => {
    const lines = await refused(`defaults:
  rate: fast
  format: markdown,pdf
blogs:
  - source: ${blog.url}
    out: a
    images: downlaod
  - source: ${blog.url}
    out: b
    concurrency: 0
    since: yesterday
`);
    expect(lines).toEqual([
      expect.stringMatching(/^2: defaults\.rate: --rate must be a number of 0 or more, got "fast"$/),
      expect.stringMatching(/^3: defaults\.format: unknown format "pdf"/),
      expect.stringMatching(
        /^7: blogs\[0\]\.images: --images must be one of download, remote, none, got "downlaod" \(did you mean download\?\)$/,
      ),
      expect.stringMatching(
        /^10: blogs\[1\]\.concurrency: --concurrency must be a whole number of at least 1, got "0"$/,
      ),
      expect.stringMatching(/^11: blogs\[1\]\.since: /),
    ]);
  });

  it('refuses unknown keys with a guess, missing source or out, and two blogs in one folder', async () => {
    const lines = await refused(`defaults:
  out: everything
blogz: []
blogs:
  - source: ${blog.url}
    out: same
    asset-layot: bundle
  - out: lonely
  - source: ${blog.url}
    out: ./same/
    asset-rate: 100
`);
    expect(lines).toEqual([
      '2: defaults.out: each blog has its own out: give it under the blog',
      expect.stringMatching(/^3: blogz: unknown key \(did you mean blogs\?\)/),
      expect.stringMatching(/^7: blogs\[0\]\.asset-layot: unknown option \(did you mean asset-layout\?\)/),
      '8: blogs[1]: needs source:',
      expect.stringMatching(/^11: blogs\[2\]\.asset-rate: set it under defaults:/),
    ]);
  });

  it('checks options against the kind of source, and sources that are not there', async () => {
    const lines = await refused(`blogs:
  - source: old-blog-backup.zip
    out: old
    since: 2024-01-01
  - source: missing-backup.zip
    out: gone
  - source: ${blog.url}
    out: c
    blog-url: https://elsewhere.tistory.com
`);
    expect(lines).toEqual([
      expect.stringMatching(/^2: blogs\[0\]\.source: --since and --until need a blog URL/),
      expect.stringMatching(/^5: blogs\[1\]\.source: no such file or folder: "missing-backup\.zip"/),
      expect.stringMatching(/^7: blogs\[2\]\.source: --blog-url is for a backup source/),
    ]);
  });

  it('reports YAML syntax errors and duplicate keys on their lines', async () => {
    const lines = await refused(`blogs:
  - source: ${blog.url}
    out: a
    out: b
`);
    expect(lines).toEqual([expect.stringMatching(/^4: YAML: Map keys must be unique/)]);
  });

  it('refuses two blogs in one folder', async () => {
    const lines = await refused(`blogs:
  - source: ${blog.url}
    out: same
  - source: ${blog.url}
    out: ./same/
`);
    expect(lines).toEqual(['4: blogs[1].out: the same folder as blogs[0] (line 2): each blog needs its own out']);
  });

  it('exits 2 for a missing config file and a bad --shard or --parallel', async () => {
    for (const args of [
      [`${folder}/nope.yaml`],
      [`${folder}/nope.yaml`, '--shard', '4/4'],
      ['x.yaml', '--parallel', '0'],
    ]) {
      const run = await runBatchCommand(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('a good batch config', () => {
  it('reads flags by their long names or library names, lists as repeated flags, paths from its folder', async () => {
    const config = await writeConfig(
      folder,
      `defaults:
  formats: [md, jsonl]
  asset-concurrency: 2
blogs:
  - source: ${blog.url}
    out: out/a
    category: [개발, 일상]
    comments: true
    assetLayout: bundle
  - source: old-blog-backup.zip
    out: out/old
    name: old blog
`,
      'good.yaml',
    );
    const read = await readBatchConfig(config);
    expect(read.assetLimits).toEqual({ concurrency: 2, rate: 8 });
    expect(read.blogs.map((one) => [one.name, one.source, one.options.out])).toEqual([
      ['out/a', blog.url, `${folder}/out/a`],
      ['old blog', `${folder}/old-blog-backup.zip`, `${folder}/out/old`],
    ]);
    expect(read.blogs[0]!.options).toMatchObject({
      formats: ['markdown', 'jsonl'],
      categories: ['개발', '일상'],
      comments: 'json',
      assetLayout: 'bundle',
    });
    expect(blog.requests).toEqual([]);
  });
});
