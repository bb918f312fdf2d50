import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorMessage, UsageError } from '../errors.js';
import { createExportJobs, type ExportJobs, type JobExtras } from './export-job.js';
import { buildFormModel } from './form-model.js';
import { settingsFromForm } from './form-settings.js';
import { pickLanguage, type Language } from './i18n.js';
import { MESSAGES } from './messages.js';
import { readJsonBody } from './json-body.js';
import { openEventStream } from './event-stream.js';
import { renderPage } from './page-html.js';
import { PAGE_SCRIPT } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';
import { fileInside, sendFile } from './serve-file.js';
import { createToken, hostAllowed, pathAfterToken } from './token.js';
import { MAX_UPLOAD_BYTES, receiveUpload, UploadTooLarge } from './upload.js';
import { streamFolderZip } from './zip-folder.js';

export interface UiServerOptions extends JobExtras {
  /** 0 (the default) for a free port. */
  port?: number;
  /** The largest backup upload accepted. */
  maxUploadBytes?: number;
}

export interface UiServer {
  /** The address to open, token included: `http://127.0.0.1:PORT/TOKEN/`. */
  url: string;
  port: number;
  token: string;
  jobs: ExportJobs;
  close(): Promise<void>;
}

/** The app's page runs only its own script and style, and no other site may frame it. */
const PAGE_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

/**
 * The local web app: one page with the export form, its progress as Server-Sent Events, and the run's
 * output. It listens on 127.0.0.1 only; every request must carry the launch's token at the front of its
 * path and name this server in its Host header, else it is refused with 403.
 */
export async function startUiServer(options: UiServerOptions = {}): Promise<UiServer> {
  const token = createToken();
  const jobs = createExportJobs({ hostMap: options.hostMap });
  const uploadFolder = await mkdtemp(join(tmpdir(), 'tistory-export-ui-'));
  const uploads = new Map<string, string>();
  const maxUploadBytes = options.maxUploadBytes ?? MAX_UPLOAD_BYTES;
  let port = 0;

  const routes: Route[] = [
    ['GET', '/', (request, response) => sendPage(request, response)],
    ['GET', '/app.js', (_, response) => sendText(response, 'text/javascript', PAGE_SCRIPT)],
    ['GET', '/app.css', (_, response) => sendText(response, 'text/css', PAGE_STYLE)],
    ['GET', '/api/events', (_, response) => streamProgress(response)],
    ['POST', '/api/upload', (request, response) => upload(request, response)],
    ['POST', '/api/run', (request, response) => run(request, response)],
    [
      'POST',
      '/api/cancel',
      (_, response) => {
        jobs.cancel();
        sendJson(response, 200, { ok: true });
      },
    ],
    ['GET', '/download/export.zip', (_, response) => download(response)],
  ];

  function sendPage(request: IncomingMessage, response: ServerResponse): void {
    const asked = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('lang');
    const language: Language =
      asked === 'ko' || asked === 'en' ? asked : pickLanguage(request.headers['accept-language']);
    const html = renderPage({
      language,
      messages: MESSAGES[language],
      fields: buildFormModel(),
      workingFolder: process.cwd(),
    });
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': PAGE_POLICY,
      'cache-control': 'no-store',
    });
    response.end(html);
  }

  function streamProgress(response: ServerResponse): void {
    const stream = openEventStream(response, () => unsubscribe());
    const send = () => stream.send({ ...jobs.progress(), outDir: jobs.outDir() });
    const unsubscribe = jobs.subscribe(send);
    send();
  }

  async function upload(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const id = randomBytes(16).toString('hex');
    const path = join(uploadFolder, `${id}.zip`);
    try {
      await receiveUpload(request, path, maxUploadBytes);
    } catch (error) {
      if (error instanceof UploadTooLarge) {
        // The rest of the body is not read: the answer goes out and the connection closes.
        response.setHeader('connection', 'close');
        sendJson(response, 413, { error: error.message });
        request.destroy();
        return;
      }
      throw error;
    }
    uploads.set(id, path);
    sendJson(response, 200, { upload: id });
  }

  async function run(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = (await readJsonBody(request)) as { source?: { url?: unknown; upload?: unknown }; values?: unknown };
    if (body === null || typeof body !== 'object' || typeof body.values !== 'object' || body.values === null) {
      sendJson(response, 400, { error: 'the request is not the form' });
      return;
    }
    let source: string;
    try {
      source = sourceOf(body.source);
      const settings = settingsFromForm(body.values as Record<string, unknown>);
      if (!jobs.start(source, settings)) {
        sendJson(response, 409, { error: 'an export is running: cancel it first' });
        return;
      }
    } catch (error) {
      if (error instanceof UsageError) {
        sendJson(response, 400, { error: errorMessage(error) });
        return;
      }
      throw error;
    }
    sendJson(response, 202, { ok: true });
  }

  function sourceOf(source: { url?: unknown; upload?: unknown } | undefined): string {
    if (typeof source?.upload === 'string') {
      const path = uploads.get(source.upload);
      if (!path) throw new UsageError('the uploaded backup is gone: choose the file again');
      return path;
    }
    const url = typeof source?.url === 'string' ? source.url.trim() : '';
    if (url === '') throw new UsageError('give a blog address or choose a backup .zip');
    return url;
  }

  async function download(response: ServerResponse): Promise<void> {
    const outDir = jobs.outDir();
    if (outDir === null || jobs.running()) {
      sendJson(response, 409, { error: 'no finished export to download' });
      return;
    }
    response.writeHead(200, {
      'content-type': 'application/zip',
      'content-disposition': 'attachment; filename="export.zip"',
      'cache-control': 'no-store',
    });
    await streamFolderZip(outDir, response);
  }

  async function serveOutput(path: string, response: ServerResponse): Promise<void> {
    const outDir = jobs.outDir();
    let relativePath: string;
    try {
      relativePath = decodeURIComponent(path);
    } catch {
      relativePath = '';
    }
    const file = outDir === null || relativePath === '' ? null : await fileInside(outDir, relativePath);
    if (file === null) sendText(response, 'text/plain', 'not found', 404);
    else sendFile(response, file);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    response.setHeader('x-content-type-options', 'nosniff');
    response.setHeader('referrer-policy', 'no-referrer');
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const rest = hostAllowed(request.headers.host, port) ? pathAfterToken(pathname, token) : null;
    if (rest === null) {
      sendText(response, 'text/plain', 'forbidden: open the address tistory-export ui printed', 403);
      return;
    }
    // Relative URLs in the page resolve against a path that ends with a slash.
    if (pathname === `/${token}`) {
      response.writeHead(302, { location: `/${token}/` });
      response.end();
      return;
    }
    if (request.method === 'GET' && rest.startsWith('/files/')) {
      await serveOutput(rest.slice('/files/'.length), response);
      return;
    }
    const route = routes.find(([method, path]) => method === request.method && path === rest);
    if (!route) {
      sendText(response, 'text/plain', 'not found', 404);
      return;
    }
    await route[2](request, response);
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: errorMessage(error) });
      else response.destroy();
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolveListen);
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/${token}/`,
    port,
    token,
    jobs,
    async close() {
      await jobs.stop();
      server.closeAllConnections();
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
      await rm(uploadFolder, { recursive: true, force: true });
    },
  };
}

type Route = [method: string, path: string, (request: IncomingMessage, response: ServerResponse) => unknown];

function sendText(response: ServerResponse, type: string, text: string, status = 200): void {
  response.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  response.end(text);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  sendText(response, 'application/json', JSON.stringify(value), status);
}
