import type { ServerResponse } from 'node:http';

/** Comments sent this often keep proxies and the browser from closing a quiet stream. */
const KEEP_ALIVE_MS = 15_000;

/**
 * Server-Sent Events on `response`: `send` writes one message of JSON; the stream ends when the page goes
 * away, after which `onClose` runs once.
 */
export function openEventStream(response: ServerResponse, onClose: () => void): { send(data: unknown): void } {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  const keepAlive = setInterval(() => response.write(':\n\n'), KEEP_ALIVE_MS);
  response.on('close', () => {
    clearInterval(keepAlive);
    onClose();
  });
  return {
    send(data) {
      response.write(`data: ${JSON.stringify(data)}\n\n`);
    },
  };
}
