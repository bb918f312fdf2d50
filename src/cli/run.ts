import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { exportBlog, type ExportOptions } from '../export.js';
import type { ExportResult } from '../types.js';
import { UsageError, errorMessage } from '../errors.js';
import { OPTION_TABLE, defaultLabel, defaultSettings, validateSettings, type ExportSettings } from '../options.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { createProgressReporter } from './progress.js';
import { rejectConflictingRepeats } from './repeated-options.js';
import { singlePostNotExported } from './single-post.js';
import { formatSummary } from './summary.js';
import { type CliIo, terminalSafeStream } from './terminal-text.js';
import { diskFullReport } from './disk-full.js';
import { ExportInterrupted } from '../run/interrupted.js';
import { formatChanges } from '../state/changes.js';
import { EXIT_INTERRUPTED, interruptOnSigint, resumeMessage } from './interrupt.js';
import { repairArgv } from './argv-repairs.js';
import { ownLaunchCommand } from './launch-command.js';
import { examplesText, shortUsage } from './usage-text.js';
import { runWordPressUndo } from '../publish/wordpress/undo-run.js';
import { runBatchCli } from '../batch/batch-cli.js';

export type { CliIo } from './terminal-text.js';

const EXIT_OK = 0;
const EXIT_POST_FAILED = 1;
const EXIT_USAGE = 2;
/** The word that starts the local web app instead of an export (see src/ui/). */
const UI_COMMAND = 'ui';

/**
 * What the library accepts beyond the flags; the demo and tests pass `hostMap` for their local CDN.
 * `launchedAs`: the words that started the run, for the resume hint and the examples; by default
 * read from how this process was started (see `launchCommand`).
 */
type CliExtras = Pick<ExportOptions, 'hostMap'> & { launchedAs?: readonly string[] };

const DESCRIPTION = 'Export a Tistory blog (or one post) to clean Markdown with front matter, plus a manifest.';
const SOURCE_HELP =
  'blog URL (https://name.tistory.com, a custom domain), one post URL (…/123, …/entry/slug), or a 데이터 백업 .zip / folder';

/**
 * 1 when a post failed in this run, counting a post fetched again without success, or showing less
 * (`kept`), whose previous export was kept: the files are fine, but a nightly job must hear that its
 * backup is getting stale. 1 too when the one post asked for is not there to export (see `singlePostNotExported`).
 */
export function exitCodeOf(result: Pick<ExportResult, 'counts' | 'changes' | 'postUrl'>): number {
  const failed =
    result.counts.failed > 0 || (result.changes?.failed.length ?? 0) > 0 || (result.changes?.kept.length ?? 0) > 0;
  return failed || singlePostNotExported(result) !== null ? EXIT_POST_FAILED : EXIT_OK;
}

/** argv (without node and script) → exit code. Never throws and never prints a stack trace. */
export async function runCli(argv: string[], terminal: CliIo, extras: CliExtras = {}): Promise<number> {
  // Titles, URLs and messages from the blog are printed: shown, never obeyed as control sequences.
  const io: CliIo = { stdout: terminalSafeStream(terminal.stdout), stderr: terminalSafeStream(terminal.stderr) };
  const { launchedAs = ownLaunchCommand(), ...libraryExtras } = extras;
  const program = buildProgram(io, launchedAs);
  // Nothing asked yet: what the tool is and how to call it, rather than a complaint about a missing argument.
  if (argv.length === 0) {
    io.stdout.write(shortUsage(launchedAs, DESCRIPTION, SOURCE_HELP));
    return EXIT_USAGE;
  }
  // `ui` is a command, not a source: a backup folder of that name is given as `./ui`.
  if (argv[0] === UI_COMMAND) {
    // Loaded only here: an export never pays for the app's server and page.
    const { runUi } = await import('../ui/command.js');
    return runUi(argv.slice(1), io, { hostMap: libraryExtras.hostMap });
  }
  // `batch` likewise: a backup folder named so is given as `./batch`.
  if (argv[0] === 'batch') return runBatchCli(argv.slice(1), io, libraryExtras);
  let words: string[];
  let source: string;
  let settings: ExportSettings;
  try {
    words = repairArgv(argv);
    program.parse(words, { from: 'user' });
    source = program.args[0] ?? '';
    settings = settingsFrom(program.opts());
    if (source === '' && !settings.wpUndo) throw new UsageError("missing required argument 'source'");
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT_OK;
      // Commander puts its "Did you mean --out?" on a line of its own: one line, as every usage error.
      io.stderr.write(`${TOOL_NAME}: ${error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ')}\n`);
      return EXIT_USAGE;
    }
    io.stderr.write(`${TOOL_NAME}: ${errorMessage(error)}\n`);
    return EXIT_USAGE;
  }

  if (settings.wpUndo) return undoWordPress(settings, io);

  const progress = createProgressReporter(terminal.stderr);
  const interrupt = interruptOnSigint(io.stderr);
  try {
    const result = await exportBlog({
      ...libraryExtras,
      ...settings,
      source,
      onEvent: progress.handle,
      signal: interrupt.signal,
    });
    progress.finish();
    io.stdout.write(formatSummary(result, settings.dryRun));
    if (result.changes) io.stdout.write(formatChanges(result.changes));
    const notExported = singlePostNotExported(result);
    if (notExported !== null) io.stderr.write(`${TOOL_NAME}: ${notExported}\n`);
    return exitCodeOf(result);
  } catch (error) {
    if (error instanceof ExportInterrupted) {
      progress.finish();
      io.stderr.write(resumeMessage(error, words, launchedAs));
      return EXIT_INTERRUPTED;
    }
    if (error instanceof UsageError) progress.discard();
    else progress.finish();
    const diskFull = diskFullReport(error, resolve(settings.out));
    if (diskFull) {
      io.stdout.write(diskFull.summary);
      io.stderr.write(`${TOOL_NAME}: ${diskFull.line}\n`);
      return EXIT_POST_FAILED;
    }
    io.stderr.write(`${TOOL_NAME}: ${errorMessage(error)}\n`);
    return error instanceof UsageError ? EXIT_USAGE : EXIT_POST_FAILED;
  } finally {
    interrupt.dispose();
  }
}

/** `--wp-undo`: no export, only the site's posts and uploads of earlier `-f wordpress` runs removed. */
async function undoWordPress(settings: ExportSettings, io: CliIo): Promise<number> {
  try {
    io.stdout.write(await runWordPressUndo(settings));
    return EXIT_OK;
  } catch (error) {
    io.stderr.write(`${TOOL_NAME}: ${errorMessage(error)}\n`);
    return error instanceof UsageError ? EXIT_USAGE : EXIT_POST_FAILED;
  }
}

function buildProgram(io: CliIo, launchedAs: readonly string[]): Command {
  const program = new Command(TOOL_NAME)
    .description(DESCRIPTION)
    .version(TOOL_VERSION, '-V, --version')
    // Optional for commander so `--wp-undo` needs none; an export without one is refused below, in commander's words.
    .argument('[source]', SOURCE_HELP)
    .usage('[options] <source>')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      // Commander's own error lines are reported once, by runCli, as a single line.
      writeErr: () => {},
    })
    .showHelpAfterError(false);
  for (const spec of OPTION_TABLE) {
    const label = defaultLabel(spec);
    const option = new Option(
      spec.flags,
      label === undefined ? spec.description : `${spec.description} (default: ${label})`,
    );
    if (spec.repeatable)
      option.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
    program.addOption(option);
  }
  program.addHelpText('after', `\n${examplesText(launchedAs)}`);
  rejectConflictingRepeats(
    program,
    new Set(OPTION_TABLE.filter((spec) => spec.repeatable).map((spec) => commanderKey(spec.flags))),
  );
  return program;
}

/** Raw commander values → typed settings, parsed by the option table so CLI and library agree. */
function settingsFrom(raw: Record<string, unknown>): ExportSettings {
  const settings = defaultSettings() as unknown as Record<string, unknown>;
  for (const spec of OPTION_TABLE) {
    const value = raw[commanderKey(spec.flags)];
    if (value === undefined) continue;
    if (spec.repeatable && Array.isArray(value)) {
      settings[spec.key] = value.flatMap((one: string) => (spec.parse ? (spec.parse(one) as unknown[]) : [one]));
      continue;
    }
    settings[spec.key] = spec.parse && typeof value === 'string' ? spec.parse(value) : value;
  }
  validateSettings(settings as unknown as ExportSettings);
  return settings as unknown as ExportSettings;
}

/** Commander names an option's value after its long flag in camelCase (`--user-agent` → `userAgent`). */
function commanderKey(flags: string): string {
  const long = /--([a-z0-9-]+)/i.exec(flags)?.[1] ?? '';
  return long.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}
