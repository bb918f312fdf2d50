import { withoutSignedQueries } from '../assets/asset-url.js';
import type { ExportEvent } from '../export.js';
import { terminalSafe } from './terminal-text.js';

export interface ProgressStream {
  write(chunk: string): boolean;
  isTTY?: boolean;
  columns?: number;
}

const BAR_WIDTH = 24;
const REDRAW_INTERVAL_MS = 100;

/**
 * Live progress: a redrawn bar on a terminal, one plain line per post otherwise (logs, CI, pipes),
 * so that nothing unreadable lands in a log file. Every line's text goes through `terminalSafe`: the
 * bar's own erase sequence is the only control sequence written.
 */
export function createProgressReporter(stream: ProgressStream, now: () => number = Date.now) {
  const live = Boolean(stream.isTTY);
  let total = 0;
  let done = 0;
  let failed = 0;
  let startedAt = now();
  let lastDraw = 0;
  let barShown = false;
  // Lines from before discovery ends are held back: when the source turns out to be bad input (not a
  // Tistory blog, an unreachable host) the user gets one line, not retry noise above it.
  let held: string[] | null = [];

  function writeLine(line: string): void {
    const safe = terminalSafe(line);
    if (held) held.push(safe);
    else stream.write(safe);
  }

  function release(): void {
    const lines = held ?? [];
    held = null;
    for (const line of lines) stream.write(line);
  }

  function clearBar(): void {
    if (barShown) stream.write('\r\x1b[2K');
    barShown = false;
  }

  function drawBar(force = false): void {
    const time = now();
    if (!force && time - lastDraw < REDRAW_INTERVAL_MS) return;
    lastDraw = time;
    const fraction = total > 0 ? done / total : 0;
    const filled = Math.round(fraction * BAR_WIDTH);
    const elapsedSeconds = (time - startedAt) / 1000;
    const rate = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
    const eta = rate > 0 ? formatDuration(((total - done) / rate) * 1000) : '--:--';
    const line =
      `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total} posts` +
      ` · ${failed} failed · ${rate.toFixed(1)} posts/s · ETA ${eta}`;
    stream.write(`\r\x1b[2K${line.slice(0, (stream.columns ?? 120) - 1)}`);
    barShown = true;
  }

  function say(line: string): void {
    clearBar();
    writeLine(`${line}\n`);
    if (live && total > 0) drawBar(true);
  }

  return {
    handle(event: ExportEvent): void {
      switch (event.type) {
        case 'discovering':
          if (live) {
            // A status line only: the bar or the next message overwrites it.
            stream.write(`\r\x1b[2KDiscovering posts of ${terminalSafe(event.source)} …`);
            barShown = true;
          } else {
            writeLine(`Discovering posts of ${event.source} …\n`);
          }
          break;
        case 'discovered':
          total = event.total;
          startedAt = now();
          release();
          say(`Found ${event.total} post${event.total === 1 ? '' : 's'}.`);
          break;
        case 'post': {
          done = event.done;
          if (event.entry.status === 'failed') failed++;
          const label = `${(event.kept ? 'kept' : event.entry.status).padEnd(9)} ${event.entry.id}  ${event.entry.title || event.entry.url}`;
          const detail = event.entry.error ? `: ${event.entry.error}` : '';
          if (!live) stream.write(terminalSafe(`[${event.done}/${event.total}] ${label}${detail}\n`));
          else if (event.entry.status === 'failed') say(`failed ${event.entry.url}${detail}`);
          else drawBar(event.done === event.total);
          break;
        }
        case 'duplicate':
          done = event.done;
          if (!live) stream.write(terminalSafe(`[${event.done}/${event.total}] duplicate ${event.id}  ${event.url}\n`));
          else drawBar(event.done === event.total);
          break;
        case 'retry':
          // An image's retry names its URL, whose signed query is a credential a log must not keep.
          if (!live) writeLine(`retry ${withoutSignedQueries(event.url)} in ${(event.delayMs / 1000).toFixed(1)}s (${event.reason})\n`);
          break;
        case 'warning':
          say(`warning: ${withoutSignedQueries(event.message)}`);
          break;
      }
    },
    /** Leaves the terminal on a fresh line before the summary (or an error) is printed. */
    finish(): void {
      release();
      if (barShown) {
        drawBar(true);
        stream.write('\n');
        barShown = false;
      }
    },
    /** Ends without the held-back lines: the run stopped on bad input, whose one line says it all. */
    discard(): void {
      held = null;
      clearBar();
    },
  };
}

export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const mmss = `${String(minutes).padStart(hours ? 2 : 1, '0')}:${String(seconds).padStart(2, '0')}`;
  return hours ? `${hours}:${mmss}` : mmss;
}
