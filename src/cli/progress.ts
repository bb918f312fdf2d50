import { withoutSignedQueries } from '../assets/asset-url.js';
import type { ExportEvent } from '../types.js';
import { terminalSafe, type ProgressStream } from './terminal-text.js';
import { discoveredLine } from './discovered-line.js';
import { plural } from './plural.js';

const BAR_WIDTH = 24;
const REDRAW_INTERVAL_MS = 100;
/** Off a terminal, discovery's running counts are a line at most this often: a log shows it alive, never floods. */
const PLAIN_DISCOVERY_INTERVAL_MS = 5_000;

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
  // What the status line shows until the first bar: discovery's, which `finish` keeps as it is.
  let discoveryShown = false;
  let discoverySource = '';
  let lastPlainDiscovery = 0;
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
          discoverySource = event.source;
          lastPlainDiscovery = now();
          if (live) {
            // A status line only: the bar or the next message overwrites it.
            stream.write(`\r\x1b[2KDiscovering posts of ${terminalSafe(event.source)} …`);
            barShown = true;
            discoveryShown = true;
          } else {
            writeLine(`Discovering posts of ${event.source} …\n`);
          }
          break;
        case 'discovery-progress': {
          const line = `Discovering posts of ${discoverySource}: ${plural(event.pagesRead, 'page')} read, ${plural(event.postsFound, 'post')} found so far`;
          const time = now();
          if (live) {
            if (time - lastDraw < REDRAW_INTERVAL_MS) break;
            lastDraw = time;
            stream.write(`\r\x1b[2K${terminalSafe(line).slice(0, (stream.columns ?? 120) - 1)}`);
            barShown = true;
            discoveryShown = true;
          } else if (event.postsFound > 0 && time - lastPlainDiscovery >= PLAIN_DISCOVERY_INTERVAL_MS) {
            // Posts were found, so this is a blog (not bad input whose one line would say it all): held lines go out first.
            lastPlainDiscovery = time;
            release();
            writeLine(`${line}\n`);
          }
          break;
        }
        case 'discovered':
          discoveryShown = false;
          total = event.total;
          startedAt = now();
          release();
          say(discoveredLine(event));
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
        case 'selection':
          say(selectionLine(event.description, event.listed));
          break;
        case 'outside':
          done = event.done;
          if (live) drawBar(event.done === event.total);
          else {
            const label = `${'outside'.padEnd(9)} ${event.id}  ${event.title || event.url}`;
            stream.write(terminalSafe(`[${event.done}/${event.total}] ${label} (not in the selection)\n`));
          }
          break;
        case 'duplicate':
          done = event.done;
          if (!live) stream.write(terminalSafe(`[${event.done}/${event.total}] duplicate ${event.id}  ${event.url}\n`));
          else drawBar(event.done === event.total);
          break;
        case 'retry':
          // An image's retry names its URL, whose signed query is a credential a log must not keep.
          if (!live)
            writeLine(
              `retry ${withoutSignedQueries(event.url)} in ${(event.delayMs / 1000).toFixed(1)}s (${event.reason})\n`,
            );
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
        // Stopped while discovering (Ctrl-C): the counts so far stay on screen, not an empty bar.
        if (!discoveryShown) drawBar(true);
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

/** `Exporting category 개발 (and its subcategories): 12 posts`. */
function selectionLine(description: string, listed: number | null): string {
  if (listed === null) return `Exporting ${description}: posts outside it are left out as they are read.`;
  return `Exporting ${description}: ${plural(listed, 'post')}.`;
}

export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const mmss = `${String(minutes).padStart(hours ? 2 : 1, '0')}:${String(seconds).padStart(2, '0')}`;
  return hours ? `${hours}:${mmss}` : mmss;
}
