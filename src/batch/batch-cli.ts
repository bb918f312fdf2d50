import { resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { UsageError, errorMessage } from '../errors.js';
import type { ExportOptions } from '../export.js';
import type { CliIo } from '../cli/terminal-text.js';
import { EXIT_INTERRUPTED, interruptOnSigint } from '../cli/interrupt.js';
import { TOOL_NAME } from '../version.js';
import { SUMMARY_FILE, batchSummary, formatBatchSummary, formatBlogEnd, writeBatchSummary } from './batch-summary.js';
import { readBatchConfig } from './read-config.js';
import { DEFAULT_PARALLEL, runBatch } from './run-batch.js';
import { inShard, parseShard, type Shard } from './shard.js';

const EXIT_OK = 0;
const EXIT_BLOG_FAILED = 1;
const EXIT_USAGE = 2;

interface BatchArguments {
  config: string;
  parallel: number;
  shard: Shard | null;
  summary: string;
}

/**
 * `tistory-export batch <config.yaml>`: every blog of the config, `--parallel` at a time. Exit 0 when
 * every blog is ok, updated or unchanged; 1 when one failed; 2 for a bad config or flag, before any request.
 */
export async function runBatchCli(
  argv: readonly string[],
  io: CliIo,
  extras: Pick<ExportOptions, 'hostMap'> = {},
): Promise<number> {
  let args: BatchArguments;
  try {
    const parsed = parseArguments(argv, io);
    if (parsed === null) return EXIT_OK;
    args = parsed;
  } catch (error) {
    io.stderr.write(`${TOOL_NAME} batch: ${errorMessage(error).replace(/^error: /, '')}\n`);
    return EXIT_USAGE;
  }
  let config: Awaited<ReturnType<typeof readBatchConfig>>;
  try {
    config = await readBatchConfig(args.config);
  } catch (error) {
    // Every problem of the config, a line each (errorMessage would keep only the first).
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_USAGE;
  }
  const blogs = config.blogs.filter((blog) => inShard(blog.outAsWritten, args.shard));
  const shardLabel = args.shard ? `${args.shard.index}/${args.shard.count}` : null;
  if (shardLabel)
    io.stderr.write(`Shard ${shardLabel}: ${blogs.length} of the config's ${config.blogs.length} blogs\n`);
  const interrupt = interruptOnSigint(io.stderr);
  let done = 0;
  try {
    const report = await runBatch(
      { blogs, assetLimits: config.assetLimits },
      {
        parallel: args.parallel,
        signal: interrupt.signal,
        ...(extras.hostMap ? { hostMap: extras.hostMap } : {}),
        onBlogStart: (blog) => io.stderr.write(`Exporting ${blog.name} (${blog.sourceAsWritten})\n`),
        onBlogEnd: (outcome) => io.stderr.write(formatBlogEnd(outcome, ++done, blogs.length)),
      },
    );
    const summary = batchSummary(report, args.config, shardLabel);
    try {
      await writeBatchSummary(args.summary, summary);
    } catch (error) {
      io.stderr.write(`${TOOL_NAME} batch: cannot write ${args.summary}: ${errorMessage(error)}\n`);
    }
    io.stdout.write(formatBatchSummary(summary, args.summary));
    if (report.interrupted) {
      io.stderr.write('Interrupted. Run the same batch again to resume; saved posts are not fetched again.\n');
      return EXIT_INTERRUPTED;
    }
    return summary.counts.failed > 0 ? EXIT_BLOG_FAILED : EXIT_OK;
  } finally {
    interrupt.dispose();
  }
}

/** Null when commander answered by itself (`--help`). */
function parseArguments(argv: readonly string[], io: CliIo): BatchArguments | null {
  const program = new Command(`${TOOL_NAME} batch`)
    .description('Export every blog of a YAML config (see docs/batch.md), a few at a time.')
    .argument('<config>', 'the batch config: defaults: and blogs:, each with source: and out:')
    .option('--parallel <n>', `blogs exported at once (default: ${DEFAULT_PARALLEL})`)
    .option('--shard <i/n>', "only the config's blogs in part i of n (0-based), chosen by a hash of each blog's out")
    .option('--summary <file>', `where the run's JSON summary goes (default: ${SUMMARY_FILE})`)
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: () => {} });
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError && error.exitCode === 0) return null;
    throw new UsageError(errorMessage(error));
  }
  const raw = program.opts<{ parallel?: string; shard?: string; summary?: string }>();
  const parallel = raw.parallel === undefined ? DEFAULT_PARALLEL : Number(raw.parallel);
  if (!Number.isInteger(parallel) || parallel < 1)
    throw new UsageError(`--parallel must be a whole number of at least 1, got "${raw.parallel}"`);
  return {
    config: program.args[0]!,
    parallel,
    shard: raw.shard === undefined ? null : parseShard(raw.shard),
    summary: resolve(raw.summary ?? SUMMARY_FILE),
  };
}
