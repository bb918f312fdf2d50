import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { isMap, isSeq, type Pair, type YAMLMap } from 'yaml';
import { UsageError, errorMessage } from '../errors.js';
import { defaultSettings, validateSettings, type ExportSettings } from '../options.js';
import { didYouMean } from '../util/nearest-name.js';
import { BatchConfigError, type ConfigProblem } from './config-error.js';
import { OPTION_BY_CONFIG_KEY } from './option-keys.js';
import { settingValue } from './option-value.js';
import { resolveConfigPaths, resolveSource } from './config-paths.js';
import { keyText, parseWithLines, type LinedDocument } from './yaml-lines.js';

/** One blog of the batch, checked and with its paths resolved against the config's folder. */
export interface BatchBlog {
  /** How the summary names it: its `name`, else its `out` as written. */
  name: string;
  /** As written in the config: what the summary shows. */
  sourceAsWritten: string;
  /** A blog URL, or the backup's absolute path. */
  source: string;
  /** `out` as written: the blog's shard key (see `shardOf`). */
  outAsWritten: string;
  /** The defaults and the blog's own options merged, for `exportBlog`; `out` absolute. */
  options: Partial<ExportSettings> & { out: string };
}

export interface BatchConfig {
  path: string;
  blogs: BatchBlog[];
  /** The one budget per image/file host all blogs share: `asset-concurrency` and `asset-rate` of `defaults:`. */
  assetLimits: { concurrency: number; rate: number };
}

const TOP_KEYS = ['defaults', 'blogs'];
const BLOG_KEYS = ['source', 'out', 'name'];
/** A batch exports: a dry run or an undo of a WordPress publication is one blog's command. */
const NOT_IN_BATCH: ReadonlySet<keyof ExportSettings> = new Set(['dryRun', 'wpUndo']);
const SHARED_BUDGET: ReadonlySet<keyof ExportSettings> = new Set(['assetConcurrency', 'assetRate']);

type Given = Map<keyof ExportSettings, unknown>;

interface BlogEntry {
  field: string;
  line: number;
  given: Given;
  source: { text: string; line: number } | null;
  name: string | null;
}

/**
 * Reads and checks a batch config before any request: every problem is collected and reported at once
 * (`BatchConfigError`, each with its line and field), through the option table's own checks.
 */
export async function readBatchConfig(path: string): Promise<BatchConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the batch config ${path}: ${errorMessage(error)}`);
  }
  const lined = parseWithLines(text);
  if (lined.syntaxProblems.length > 0) throw new BatchConfigError(path, lined.syntaxProblems);
  const problems: ConfigProblem[] = [];
  const config = await checkConfig(lined, dirname(resolve(path)), problems);
  if (problems.length > 0 || !config) {
    throw new BatchConfigError(
      path,
      problems.sort((a, b) => a.line - b.line),
    );
  }
  return { path, ...config };
}

async function checkConfig(
  { document, lineOf }: LinedDocument,
  folder: string,
  problems: ConfigProblem[],
): Promise<Omit<BatchConfig, 'path'> | null> {
  const root = document.contents;
  if (!isMap(root)) {
    problems.push({ line: lineOf(root), field: '(file)', message: 'must be a mapping with defaults: and blogs:' });
    return null;
  }
  for (const pair of root.items) {
    const key = keyText(pair.key);
    if (key === null || !TOP_KEYS.includes(key))
      problems.push({
        line: lineOf(pair.key),
        field: String(key),
        message: `unknown key${didYouMean(String(key), TOP_KEYS)} (a batch config has defaults: and blogs:)`,
      });
  }
  const defaultsNode = root.get('defaults', true);
  let defaults: Given = new Map();
  if (defaultsNode !== undefined && defaultsNode !== null) {
    if (isMap(defaultsNode)) defaults = readEntry(defaultsNode, 'defaults', 'defaults', lineOf, problems).given;
    else problems.push({ line: lineOf(defaultsNode), field: 'defaults', message: 'must be a mapping of options' });
  }
  const blogsNode = root.get('blogs', true);
  if (!isSeq(blogsNode) || blogsNode.items.length === 0) {
    problems.push({
      line: lineOf(blogsNode ?? root),
      field: 'blogs',
      message: 'must be a list of blogs, each with source: and out:',
    });
    return null;
  }
  const entries: BlogEntry[] = [];
  blogsNode.items.forEach((item, index) => {
    const field = `blogs[${index}]`;
    if (isMap(item)) entries.push(readEntry(item, field, 'blog', lineOf, problems));
    else problems.push({ line: lineOf(item), field, message: 'must be a mapping with source: and out:' });
  });
  const clean = problems.length === 0;
  const blogs = await Promise.all(entries.map((entry) => checkBlog(entry, defaults, folder, clean, problems)));
  findSharedFolders(blogs, entries, problems);
  const base = { ...defaultSettings(), ...Object.fromEntries(defaults) } as ExportSettings;
  return {
    blogs: blogs.filter((blog): blog is BatchBlog => blog !== null),
    assetLimits: { concurrency: base.assetConcurrency, rate: base.assetRate },
  };
}

function readEntry(
  map: YAMLMap,
  field: string,
  scope: 'defaults' | 'blog',
  lineOf: (node: unknown) => number,
  problems: ConfigProblem[],
): BlogEntry {
  const entry: BlogEntry = { field, line: lineOf(map), given: new Map(), source: null, name: null };
  const spelled = new Map<keyof ExportSettings, string>();
  for (const pair of map.items as Pair[]) {
    const key = keyText(pair.key) ?? '';
    const line = lineOf(pair.key);
    const at = { line, field: `${field}.${key}` };
    const value = (pair.value as { toJSON?: () => unknown } | null)?.toJSON?.() ?? null;
    if (scope === 'blog' && (key === 'source' || key === 'name')) {
      if (typeof value !== 'string' || value.trim() === '') {
        problems.push({
          ...at,
          message: key === 'source' ? 'needs a blog URL or a backup .zip / folder' : 'needs text',
        });
      } else if (key === 'source') entry.source = { text: value.trim(), line };
      else entry.name = value.trim();
      continue;
    }
    const spec = OPTION_BY_CONFIG_KEY.get(key);
    const problem = spec ? refusedHere(spec.key, scope) : unknownKey(key, scope);
    if (problem || !spec) {
      problems.push({ ...at, message: problem ?? 'unknown option' });
      continue;
    }
    const earlier = spelled.get(spec.key);
    if (earlier !== undefined) {
      problems.push({ ...at, message: `the same option as ${earlier}: give it once` });
      continue;
    }
    spelled.set(spec.key, key);
    try {
      entry.given.set(spec.key, settingValue(spec, value));
    } catch (error) {
      problems.push({ ...at, message: errorMessage(error) });
    }
  }
  return entry;
}

function unknownKey(key: string, scope: 'defaults' | 'blog'): string {
  const names = [...OPTION_BY_CONFIG_KEY.keys(), ...(scope === 'blog' ? BLOG_KEYS : [])];
  return `unknown option${didYouMean(key, names)} (the options are the command's long flags, see docs/options.md)`;
}

function refusedHere(key: keyof ExportSettings, scope: 'defaults' | 'blog'): string | null {
  if (NOT_IN_BATCH.has(key)) return 'not in a batch: run it for one blog with the single-blog command';
  if (scope === 'defaults' && key === 'out') return 'each blog has its own out: give it under the blog';
  if (scope === 'blog' && SHARED_BUDGET.has(key))
    return 'set it under defaults: the image and file hosts are one budget shared by every blog of the batch';
  return null;
}

async function checkBlog(
  entry: BlogEntry,
  defaults: Given,
  folder: string,
  clean: boolean,
  problems: ConfigProblem[],
): Promise<BatchBlog | null> {
  const outAsWritten = entry.given.get('out');
  if (entry.source === null || typeof outAsWritten !== 'string') {
    const missing = [entry.source === null && 'source:', typeof outAsWritten !== 'string' && 'out:'].filter(Boolean);
    problems.push({ line: entry.line, field: entry.field, message: `needs ${missing.join(' and ')}` });
    return null;
  }
  const given = resolveConfigPaths({ ...Object.fromEntries(defaults), ...Object.fromEntries(entry.given) }, folder);
  const options = given as BatchBlog['options'];
  let source: string | null = null;
  try {
    source = await resolveSource(entry.source.text, folder, { ...defaultSettings(), ...options });
  } catch (error) {
    problems.push({ line: entry.source.line, field: `${entry.field}.source`, message: errorMessage(error) });
  }
  // Checks across options (`--files-url` without wxr…) only mean something once each option is right.
  if (!clean || source === null) return null;
  try {
    validateSettings({ ...defaultSettings(), ...options });
  } catch (error) {
    problems.push({ line: entry.line, field: entry.field, message: errorMessage(error) });
    return null;
  }
  return { name: entry.name ?? outAsWritten, sourceAsWritten: entry.source.text, source, outAsWritten, options };
}

/** Two blogs in one folder would be refused by the second run's lock, or mixed: said up front. */
function findSharedFolders(
  blogs: readonly (BatchBlog | null)[],
  entries: readonly BlogEntry[],
  problems: ConfigProblem[],
) {
  const first = new Map<string, BlogEntry>();
  blogs.forEach((blog, index) => {
    if (!blog) return;
    const entry = entries[index]!;
    const earlier = first.get(blog.options.out);
    if (earlier) {
      problems.push({
        line: entry.line,
        field: `${entry.field}.out`,
        message: `the same folder as ${earlier.field} (line ${earlier.line}): each blog needs its own out`,
      });
    } else first.set(blog.options.out, entry);
  });
}
