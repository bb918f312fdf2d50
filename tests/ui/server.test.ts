// The app's server without a browser: what a page that is not the app's own, or an oversized upload, gets.

import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUiServer, type UiServer } from '../../src/ui/server.js';
import { runCli } from '../../src/cli/run.js';
import { runUi } from '../../src/ui/command.js';
import { captureIo } from '../helpers/capture-io.js';

/** The app's temporary upload folders: a refused upload leaves nothing in them. */
async function uploadedFiles(): Promise<string[]> {
  const folders = (await readdir(tmpdir())).filter((name) => name.startsWith('tistory-export-ui-'));
  const files = await Promise.all(folders.map((name) => readdir(`${tmpdir()}/${name}`).catch(() => [])));
  return files.flat();
}

describe('the app server', () => {
  let ui: UiServer;
  beforeAll(async () => {
    ui = await startUiServer({ maxUploadBytes: 1000 });
  });
  afterAll(() => ui.close());

  it('listens on 127.0.0.1 only, at an address holding the token', () => {
    expect(ui.url).toBe(`http://127.0.0.1:${ui.port}/${ui.token}/`);
  });

  it('refuses an upload past the cap with 413, and keeps no part of it', async () => {
    const before = await uploadedFiles();
    const response = await fetch(`${ui.url}api/upload`, { method: 'POST', body: Buffer.alloc(5000) });
    expect(response.status).toBe(413);
    expect(await uploadedFiles()).toEqual(before);
    const small = await fetch(`${ui.url}api/upload`, { method: 'POST', body: Buffer.alloc(500) });
    expect(small.status).toBe(200);
    expect(await small.json()).toMatchObject({ upload: expect.stringMatching(/^[0-9a-f]{32}$/) });
  });

  it('refuses a run whose source is missing, with one line', async () => {
    const response = await fetch(`${ui.url}api/run`, {
      method: 'POST',
      body: JSON.stringify({ source: { url: ' ' }, values: {} }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'give a blog address or choose a backup .zip' });
  });

  it('answers no output file before any run, nor one outside the output folder', async () => {
    expect((await fetch(`${ui.url}files/report.html`)).status).toBe(404);
    expect((await fetch(`${ui.url}files/%2e%2e%2f%2e%2e%2fetc%2fpasswd`)).status).toBe(404);
    expect((await fetch(`${ui.url}download/export.zip`)).status).toBe(409);
  });
});

describe('tistory-export ui', () => {
  it('prints its address, opens it unless --no-open, serves the page, and stops', async () => {
    for (const [args, opens] of [
      [[], true],
      [['--no-open'], false],
    ] as const) {
      const { io, out } = captureIo();
      const stop = new AbortController();
      const opened: string[] = [];
      const running = runUi(args, io, { stop: stop.signal, open: (url) => opened.push(url) });
      await expect.poll(() => out.join('')).toMatch(/http:\/\/127\.0\.0\.1:\d+\/[\w-]{43}\//);
      const url = /http:\S+/.exec(out.join(''))![0];
      expect(opened).toEqual(opens ? [url] : []);
      expect((await fetch(url)).status).toBe(200);
      stop.abort();
      expect(await running).toBe(0);
      await expect(fetch(url)).rejects.toThrow();
    }
  });

  it('is what the CLI runs for `ui`; a bad --port gets one line and exit 2', async () => {
    const { io, err } = captureIo();
    expect(await runCli(['ui', '--port', 'x'], io)).toBe(2);
    expect(err.join('')).toBe('tistory-export ui: --port must be a port number (1-65535), got "x"\n');
  });
});
