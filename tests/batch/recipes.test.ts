// The scheduling recipes of examples/batch/: the GitHub workflows against GitHub's workflow schema,
// the Kubernetes manifest's shape, the example config through the batch's own checks, and the commit
// script run twice after two nightly runs: the second, with no blog changed, commits nothing.

import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateWorkflow } from '@action-validator/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { startFixtureBlog, type FixtureBlog } from '../../demo/blog/fixture-blog.js';
import { startFixtureCdn, type FixtureCdn } from '../../demo/blog/fixture-cdn.js';
import { readBatchConfig } from '../../src/batch/read-config.js';
import { RUN_BOOKKEEPING } from '../../src/state/run-bookkeeping.js';
import { batchFolder, runBatchCommand, writeBackupZip, writeConfig } from './batch-fixtures.js';

const EXAMPLES = fileURLToPath(new URL('../../examples/batch/', import.meta.url));
const WORKFLOWS = ['github/nightly-backup.yml', 'github/sharded-backup.yml'];

describe('the GitHub Actions workflows', () => {
  it.each(WORKFLOWS)('%s is a valid workflow', async (file) => {
    const result = validateWorkflow(await readFile(join(EXAMPLES, file), 'utf8')) as { errors: unknown[] };
    expect(result.errors).toEqual([]);
  });

  it('the validator does refuse a broken workflow', () => {
    const result = validateWorkflow('on: nightly\njobs:\n  backup:\n    steps: run\n') as { errors: unknown[] };
    expect(result.errors.length).toBeGreaterThan(0);
  });

  it('runs nightly, commits with the script, and fails the job when a blog failed', async () => {
    for (const file of WORKFLOWS) {
      const [workflow] = parseAllDocuments(await readFile(join(EXAMPLES, file), 'utf8')).map((doc) => doc.toJS());
      expect(workflow.on.schedule[0].cron).toMatch(/^\S+ \S+ \* \* \*$/);
      const steps = workflow.jobs.backup.steps as { id?: string; run?: string; if?: string }[];
      expect(steps.find((step) => step.id === 'batch')?.run).toMatch(/tistory-export@\S+ batch blogs\.yaml/);
      expect(steps.some((step) => step.run?.includes('scripts/commit-changes.sh'))).toBe(true);
      expect(steps.at(-1)).toMatchObject({ if: "steps.batch.outcome == 'failure'" });
    }
  });

  it('the matrix runs every shard of the same count', async () => {
    const workflow = parseAllDocuments(await readFile(join(EXAMPLES, WORKFLOWS[1]!), 'utf8'))[0]!.toJS();
    const shards = workflow.jobs.backup.strategy.matrix.shard as number[];
    const count = /--shard \$\{\{ matrix\.shard \}\}\/(\d+)/.exec(JSON.stringify(workflow))?.[1];
    expect(shards).toEqual([...Array(Number(count)).keys()]);
  });
});

describe('the Kubernetes manifest', () => {
  it('is an Indexed Job whose pods take their shard from JOB_COMPLETION_INDEX', async () => {
    const documents = parseAllDocuments(await readFile(join(EXAMPLES, 'kubernetes/backup-cronjob.yaml'), 'utf8'));
    for (const document of documents) expect(document.errors).toEqual([]);
    const [configMap, cronJob] = documents.map((document) => document.toJS());
    expect(configMap.kind).toBe('ConfigMap');
    expect(cronJob).toMatchObject({ apiVersion: 'batch/v1', kind: 'CronJob' });
    const job = cronJob.spec.jobTemplate.spec;
    expect(job.completionMode).toBe('Indexed');
    const command = job.template.spec.containers[0].command.join(' ');
    expect(command).toContain(`--shard "$JOB_COMPLETION_INDEX/${job.completions}"`);
    const mounted = job.template.spec.containers[0].volumeMounts.map((mount: { name: string }) => mount.name);
    expect(mounted.sort()).toEqual(job.template.spec.volumes.map((volume: { name: string }) => volume.name).sort());
  });

  it('carries a batch config the batch accepts', async () => {
    const [configMap] = parseAllDocuments(await readFile(join(EXAMPLES, 'kubernetes/backup-cronjob.yaml'), 'utf8')).map(
      (document) => document.toJS(),
    );
    const folder = await batchFolder();
    const config = await readBatchConfig(await writeConfig(folder, configMap.data['blogs.yaml']));
    expect(config.blogs.length).toBeGreaterThan(0);
  });
});

describe('the example config and the systemd units', () => {
  it('examples/batch/blogs.yaml passes the batch’s checks (with its backup zip in place)', async () => {
    const folder = await batchFolder();
    await cp(join(EXAMPLES, 'blogs.yaml'), join(folder, 'blogs.yaml'));
    await mkdir(join(folder, 'downloads'));
    await writeBackupZip(join(folder, 'downloads'));
    const config = await readBatchConfig(join(folder, 'blogs.yaml'));
    expect(config.blogs.map((blog) => blog.name)).toEqual(['travel', 'dev', 'old blog (from its backup)']);
  });

  it('the timer starts the service, which runs the batch then the commit script', async () => {
    const timer = await readFile(join(EXAMPLES, 'systemd/tistory-backup.timer'), 'utf8');
    const service = await readFile(join(EXAMPLES, 'systemd/tistory-backup.service'), 'utf8');
    expect(timer).toMatch(/^\[Timer\]$/m);
    expect(timer).toMatch(/^OnCalendar=\S/m);
    expect(service).toMatch(/^Type=oneshot$/m);
    expect(service).toMatch(/^ExecStart=.*batch blogs\.yaml.*commit-changes\.sh backups; exit \$status'$/m);
  });
});

describe('commit-changes.sh', () => {
  let blog: FixtureBlog;
  let cdn: FixtureCdn;
  beforeAll(async () => {
    [blog, cdn] = await Promise.all([startFixtureBlog({ failFirst: {} }), startFixtureCdn()]);
  });
  afterAll(async () => {
    await Promise.all([blog.close(), cdn.close()]);
  });

  it('commits the first night’s export, and nothing the night after when no blog changed', async () => {
    const repo = await batchFolder();
    const env = {
      ...process.env,
      GIT_AUTHOR_NAME: 'test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
      COMMIT_MESSAGE: 'nightly',
    };
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' });
    git('init', '--quiet', '--initial-branch=main');
    await writeFile(join(repo, 'README.md'), 'Backups.\n');
    await cp(join(EXAMPLES, 'backup-repo.gitignore'), join(repo, '.gitignore'));
    git('add', 'README.md', '.gitignore');
    git('commit', '--quiet', '-m', 'start');
    const config = await writeConfig(
      repo,
      `defaults: { rate: 0, concurrency: 4 }\nblogs:\n  - { source: "${blog.url}", out: backups/blog }\n`,
    );
    const commitScript = join(EXAMPLES, 'commit-changes.sh');
    const night = async () => {
      const run = await runBatchCommand([config, '--summary', join(repo, 'batch-summary.json')], cdn.hostMap);
      expect(run.code, run.stderr).toBe(0);
      return execFileSync('sh', [commitScript, 'backups'], { cwd: repo, env, encoding: 'utf8' });
    };
    const commits = () => Number(git('rev-list', '--count', 'HEAD').trim());

    expect(await night()).toMatch(/^Committed: /);
    expect(commits()).toBe(2);
    const committed = git('show', '--name-only', '--format=', 'HEAD').split('\n');
    expect(committed).toContain('backups/blog/manifest.json');
    expect(committed.some((file) => file.startsWith('backups/blog/.tistory-export/posts/'))).toBe(true);
    expect(committed).toContain('backups/blog/report.html');
    expect(committed.filter((file) => /changes\.json$|\/run\.json$|\/lock$|batch-summary\.json$/.test(file))).toEqual(
      [],
    );

    expect(await night()).toBe('No blog changed: nothing to commit.\n');
    expect(commits()).toBe(2);
    // The second night changed no file git sees: the run bookkeeping is ignored, nothing else moved.
    expect(git('status', '--porcelain', '--', 'backups')).toBe('');
  }, 60_000);

  it('leaves out the run bookkeeping the starter .gitignore names, and only that', async () => {
    const script = await readFile(join(EXAMPLES, 'commit-changes.sh'), 'utf8');
    const excluded = [...script.matchAll(/':\(exclude,glob\)\*\*\/([^']+)'/g)].map((match) => match[1]);
    const ignored = (await readFile(join(EXAMPLES, 'backup-repo.gitignore'), 'utf8'))
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => line.replace(/^\*\*\//, ''));
    const bookkeeping = [...RUN_BOOKKEEPING, 'batch-summary.json'];
    expect(excluded.sort()).toEqual([...bookkeeping].sort());
    expect(ignored.sort()).toEqual([...bookkeeping].sort());
  });
});
