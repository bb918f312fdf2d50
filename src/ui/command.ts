import { Command, CommanderError } from 'commander';
import { errorMessage } from '../errors.js';
import { TOOL_NAME } from '../version.js';
import { openBrowser } from './open-browser.js';
import { startUiServer, type UiServerOptions } from './server.js';

export interface UiIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export interface UiRunOptions extends Pick<UiServerOptions, 'hostMap'> {
  /** Ends the app (tests); by default Ctrl-C or SIGTERM does. */
  stop?: AbortSignal;
  /** Replaces the browser opener (tests). */
  open?: (url: string) => void;
}

/**
 * `tistory-export ui [--no-open] [--port <n>]`: serves the app until Ctrl-C, printing its address (the
 * launch's token in it) and opening it in the browser.
 */
export async function runUi(argv: readonly string[], io: UiIo, options: UiRunOptions = {}): Promise<number> {
  const program = new Command(`${TOOL_NAME} ui`)
    .description('open the exporter as a web page on this computer (127.0.0.1 only)')
    .option('--no-open', 'print the address without opening the browser')
    .option('--port <n>', 'listen on this port instead of a free one')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: () => {} });
  let port: number;
  let open: boolean;
  try {
    program.parse([...argv], { from: 'user' });
    const opts = program.opts<{ open: boolean; port?: string }>();
    open = opts.open;
    port = opts.port === undefined ? 0 : Number(opts.port);
    if (!Number.isInteger(port) || port < 0 || port > 65_535)
      throw new Error(`--port must be a port number (1-65535), got "${opts.port}"`);
  } catch (error) {
    if (error instanceof CommanderError && error.exitCode === 0) return 0;
    io.stderr.write(`${TOOL_NAME} ui: ${errorMessage(error).replace(/^error: /, '')}\n`);
    return 2;
  }

  let server: Awaited<ReturnType<typeof startUiServer>>;
  try {
    server = await startUiServer({ port, hostMap: options.hostMap });
  } catch (error) {
    io.stderr.write(`${TOOL_NAME} ui: cannot listen on 127.0.0.1:${port}: ${errorMessage(error)}\n`);
    return 1;
  }
  io.stdout.write(`${TOOL_NAME} is open at ${server.url}\n(keep this window open; Ctrl-C stops it)\n`);
  if (open) (options.open ?? openBrowser)(server.url);

  await new Promise<void>((resolveStop) => {
    const stop = () => resolveStop();
    if (options.stop) {
      if (options.stop.aborted) stop();
      options.stop.addEventListener('abort', stop, { once: true });
      return;
    }
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
