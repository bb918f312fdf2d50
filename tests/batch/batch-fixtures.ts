// The batch tests' blogs: local fixture blogs (demo/blog/) sharing one fixture CDN, a blog whose server
// answers 500 to everything, and the backup zip of tests/backup. Each test writes its own config.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run.js';
import { backupFiles, writeZip } from '../backup/backup-fixture.js';
import { captureIo } from '../helpers/capture-io.js';

/** A blog host that is down: every request answers 500, and each is counted. */
export async function startBrokenBlog(): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function batchFolder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'te-batch-'));
}

/** The fixture backup as a zip inside `folder`, named as the config names it. */
export async function writeBackupZip(folder: string): Promise<string> {
  return writeZip(folder, 'old-blog-backup.zip', backupFiles());
}

export async function writeConfig(folder: string, yaml: string, name = 'blogs.yaml'): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, yaml);
  return path;
}

/** `tistory-export batch …` in this process, its output captured. */
export async function runBatchCommand(args: readonly string[], hostMap: Record<string, string> = {}) {
  const { io, out, err } = captureIo();
  const started = Date.now();
  const code = await runCli(['batch', ...args], io, { hostMap });
  return { code, stdout: out.join(''), stderr: err.join(''), elapsedMs: Date.now() - started };
}
