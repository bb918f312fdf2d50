import {
  COMMENTS_MODES,
  FORMATS,
  POOL_THRESHOLD,
  isFormat,
  type AssetLayout,
  type CommentsMode,
  type Format,
  type ImagesMode,
} from './names.js';
import { DEFAULT_USER_AGENT } from './version.js';
import { UsageError } from './errors.js';
import { didYouMean } from './util/nearest-name.js';

import { checkDateRange, parseSince, parseUntil } from './selection/date-range.js';
import { parseCategoryPath } from './selection/post-selection.js';
import { APP_PASSWORD_ENV } from './publish/wordpress/app-password-env.js';
import { parseSiteUrl } from './publish/wordpress/site-url.js';

/** Settings a user can choose; the CLI flags, their help and the library defaults all come from OPTION_TABLE. */
export interface ExportSettings {
  out: string;
  formats: Format[];
  concurrency: number;
  rate: number;
  retries: number;
  timeout: number;
  userAgent: string;
  limit: number | null;
  dryRun: boolean;
  images: ImagesMode;
  assetLayout: AssetLayout;
  assetConcurrency: number;
  assetRate: number;
  redirectTo: string;
  /** Fetch every post again, even those an earlier run into the same folder exported and that did not change. */
  full: boolean;
  /**
   * Let a post fetched again replace its export with less: metadata only for a post now protected
   * for this visitor, an empty body for one now empty. Otherwise the export is kept and the run exits 1.
   */
  acceptLosses: boolean;
  /** ISO 8601: only posts whose sitemap/RSS date is at or after it are fetched; null for all. */
  since: string | null;
  /** ISO 8601: only posts whose sitemap/RSS date is at or before it are fetched; null for all. */
  until: string | null;
  /**
   * Category paths (`개발`, `개발/Python`): only posts in one of them or their subcategories; empty for all.
   * A category URL as the source adds its category.
   */
  categories: string[];
  /** Folder that keeps raw responses (pages, feeds, files) for `offline`; null for none. */
  cache: string | null;
  /** Answer every request from `cache`, never from the network. */
  offline: boolean;
  /** With a backup as the source: where the blog lived, for the posts' old URLs and the redirects. */
  blogUrl: string | null;
  /** A cookies.txt path or a `Cookie` header value: the blog owner's session, sent to the blog host only. */
  cookie: string | null;
  /** Fetch each post's comments, and where the Markdown formats put them (see `CommentsMode`). */
  comments: CommentsMode;
  /** Threads that extract and convert pages; 0 for none (all in the main thread), null to decide by the run's size. */
  workers: number | null;
  /**
   * Where the output folder will be served on the web (ends with `/`): WXR points its attachments and
   * bodies there instead of at Tistory; null keeps the original URLs.
   */
  filesUrl: string | null;
  /** Export into a folder that holds other files and no earlier export of this tool (see `assertNoForeignFiles`). */
  force: boolean;
  /** `-f wordpress`: the site published to (its root address). */
  wpUrl: string | null;
  /** `-f wordpress`: the WordPress user whose application password is given. */
  wpUser: string | null;
  /**
   * `-f wordpress`: the application password, or a file's path holding it; null reads the
   * `TISTORY_EXPORT_WP_APP_PASSWORD` environment variable. A login: never written anywhere.
   */
  wpAppPassword: string | null;
  /** `-f wordpress`: the status of new posts and pages; `draft` lets nothing go public by surprise. */
  wpStatus: 'draft' | 'publish';
  /** `-f wordpress`: what a protected post (metadata, no body) becomes. */
  wpProtected: 'draft' | 'private' | 'skip';
  /** Delete from `wpUrl` what the tool published there (from the output folder's record), and nothing else. */
  wpUndo: boolean;
}

export interface OptionSpec<K extends keyof ExportSettings = keyof ExportSettings> {
  key: K;
  flags: string;
  description: string;
  defaultValue: ExportSettings[K];
  /** How the default reads in help and docs/options.md. */
  defaultLabel?: string;
  parse?: (raw: string) => ExportSettings[K];
  /**
   * Refuses a value however it arrived, as a flag or in a library call (see `validateSettings`). A method,
   * so that one table holds every option's own value type (method parameters are bivariant).
   */
  check?(value: ExportSettings[K]): void;
  /** The flag may be given again, each value adding to the list (`--category a --category b`); `parse` reads one. */
  repeatable?: true;
  /**
   * What the flag means given without a value (`--comments` alone: `json`); its flags write the value
   * as optional, `[placement]`. A URL or path after it is left to be the source (see `optionalValuesAlone`).
   */
  valueWhenAlone?: string;
  /** The words the option accepts, when it takes one of a few (or, for a list, some of them): for forms built from the table. */
  choices?: readonly string[];
}

/**
 * A numeric option: the flag's text parsed, and a library caller's number checked, with the same words
 * (`concurrency: 0` from the library once reached the HTTP client and threw a RangeError there).
 * Null, where an option allows it (`--limit`: no limit), is the option's absence.
 */
function numberOption(name: string, fits: (value: number) => boolean, wanted: string) {
  const refuse = (shown: string): never => {
    throw new UsageError(`${name} must be ${wanted}, got ${shown}`);
  };
  return {
    parse: (raw: string): number => {
      const value = Number(raw);
      return raw.trim() !== '' && fits(value) ? value : refuse(`"${raw}"`);
    },
    check: (value: unknown): void => {
      if (value === null) return;
      if (typeof value !== 'number' || !fits(value)) refuse(JSON.stringify(value) ?? String(value));
    },
  };
}

const positiveInteger = (name: string) =>
  numberOption(name, (value) => Number.isInteger(value) && value >= 1, 'a whole number of at least 1');
const nonNegativeInteger = (name: string) =>
  numberOption(name, (value) => Number.isInteger(value) && value >= 0, 'a whole number of 0 or more');
const nonNegativeNumber = (name: string) =>
  numberOption(name, (value) => Number.isFinite(value) && value >= 0, 'a number of 0 or more');

/** A text option a library caller passes as it is: the same parse the flag's text gets, for its refusal. */
function checkedText(parse: (raw: string) => string, name: string) {
  return {
    parse,
    check: (value: unknown): void => {
      if (value === null) return;
      if (typeof value !== 'string') throw new UsageError(`${name} must be text, got ${JSON.stringify(value)}`);
      parse(value);
    },
  };
}

/** Other names a format is known by: `md` is how Markdown files end. */
const FORMAT_ALIASES: Readonly<Record<string, Format>> = { md: 'markdown' };

function formatAlias(name: string): Format | undefined {
  return Object.hasOwn(FORMAT_ALIASES, name) ? FORMAT_ALIASES[name] : undefined;
}

export function parseFormats(raw: string): Format[] {
  const names = raw
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean)
    .map((name) => formatAlias(name) ?? name);
  if (names.length === 0) throw new UsageError(`--format needs at least one of: ${FORMATS.join(', ')}`);
  checkFormats(names);
  return [...new Set(names)] as Format[];
}

/** Library callers pass a list, not a string: the same refusal, with the same words. */
function checkFormats(value: unknown): void {
  if (!Array.isArray(value)) throw new UsageError(`formats must be a list of: ${FORMATS.join(', ')}`);
  const unknown = value.map(String).filter((name) => !isFormat(name));
  if (unknown.length === 0) return;
  const alias = unknown.length === 1 ? formatAlias(unknown[0]!) : undefined;
  const guess = alias ? ` (did you mean ${alias}?)` : unknown.length === 1 ? didYouMean(unknown[0]!, FORMATS) : '';
  throw new UsageError(`unknown format "${unknown.join('", "')}"${guess} (choose from: ${FORMATS.join(', ')})`);
}

/**
 * An option that takes one of a few words: the parse (case and spaces forgiven) and the check a library
 * call gets too. A near miss is answered with the word it most likely meant.
 */
function oneOf<T extends string>(name: string, choices: readonly T[]) {
  const check = (value: string): void => {
    if (!(choices as readonly string[]).includes(value)) {
      throw new UsageError(`${name} must be one of ${choices.join(', ')}, got "${value}"${didYouMean(value, choices)}`);
    }
  };
  return {
    choices,
    parse: (raw: string): T => {
      const value = raw.trim().toLowerCase();
      check(value);
      return value as T;
    },
    check,
  };
}

/** A library caller's list gets the words a flag would. */
function checkCategories(value: unknown): void {
  if (!Array.isArray(value))
    throw new UsageError('categories must be a list of category names such as ["개발", "개발/Python"]');
  for (const name of value) {
    if (typeof name !== 'string')
      throw new UsageError(`categories must be a list of category names, got ${JSON.stringify(name)}`);
    parseCategoryPath(name);
  }
}

/** For a text option: an empty value is refused (null, the option's absence, is not). */
function nonEmpty(name: string, what: string) {
  return (value: string | null): void => {
    if (value !== null && value.trim() === '') throw new UsageError(`${name} needs ${what}, got an empty value`);
  };
}

/** `--files-url`: an http(s) address, read as a folder (a missing `/` at the end is added). */
export function parseFilesUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new UsageError(`--files-url must be an http(s) address such as https://example.com/tistory/, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--files-url must be an http(s) address such as https://example.com/tistory/, got "${raw}"`);
  }
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

function redirectPattern(raw: string): string {
  if (!raw.startsWith('/')) throw new UsageError(`--redirect-to must be a path starting with /, got "${raw}"`);
  return raw;
}

export const OPTION_TABLE: readonly OptionSpec[] = [
  {
    key: 'out',
    flags: '-o, --out <dir>',
    description: 'output folder (not inside a backup folder given as the source)',
    defaultValue: 'output',
    // An empty path resolves to the current folder: the export would land among the user's own files.
    check: nonEmpty('--out', 'a folder'),
  },
  {
    key: 'formats',
    flags: '-f, --format <list>',
    description: `output formats, comma-separated: ${FORMATS.join(', ')}`,
    defaultValue: ['markdown'],
    defaultLabel: 'markdown',
    choices: FORMATS,
    parse: parseFormats,
    check: checkFormats,
  },
  {
    key: 'concurrency',
    flags: '--concurrency <n>',
    description: 'requests in flight at once per host',
    defaultValue: 2,
    ...positiveInteger('--concurrency'),
  },
  {
    key: 'rate',
    flags: '--rate <requests-per-second>',
    description: 'requests per second per host (0 = no limit)',
    defaultValue: 2,
    ...nonNegativeNumber('--rate'),
  },
  {
    key: 'retries',
    flags: '--retries <n>',
    description: 'retries after a network error, timeout, 429 or 5xx',
    defaultValue: 4,
    ...nonNegativeInteger('--retries'),
  },
  {
    key: 'timeout',
    flags: '--timeout <ms>',
    description: 'time limit for one request, in milliseconds',
    defaultValue: 30_000,
    ...positiveInteger('--timeout'),
  },
  {
    key: 'userAgent',
    flags: '--user-agent <s>',
    description: 'User-Agent header sent with every request',
    defaultValue: DEFAULT_USER_AGENT,
    defaultLabel: 'tistory-export/<version> (+npm page)',
  },
  {
    key: 'limit',
    flags: '--limit <n>',
    description: 'export at most this many posts',
    defaultValue: null,
    defaultLabel: 'all',
    ...positiveInteger('--limit'),
  },
  {
    key: 'images',
    flags: '--images <mode>',
    description:
      'images and attachments: download (the originals, into the output), remote (keep the Tistory URLs), none (leave images out)',
    defaultValue: 'download',
    ...oneOf('--images', ['download', 'remote', 'none'] as const),
  },
  {
    key: 'assetLayout',
    flags: '--asset-layout <layout>',
    description:
      'where a post finds its files: shared (one assets folder) or bundle (a folder per post, files beside it)',
    defaultValue: 'shared',
    ...oneOf('--asset-layout', ['shared', 'bundle'] as const),
  },
  {
    key: 'workers',
    flags: '--workers <n>',
    description:
      'threads that extract and convert pages, which keeps memory flat on long runs (0 = none, all in the main thread)',
    defaultValue: null,
    defaultLabel: `auto: 1 when ${POOL_THRESHOLD} or more posts are fetched, else 0`,
    ...nonNegativeInteger('--workers'),
  },
  {
    key: 'assetConcurrency',
    flags: '--asset-concurrency <n>',
    description: 'downloads in flight at once per image/file host',
    defaultValue: 4,
    ...positiveInteger('--asset-concurrency'),
  },
  {
    key: 'assetRate',
    flags: '--asset-rate <requests-per-second>',
    description: 'downloads per second per image/file host (0 = no limit)',
    defaultValue: 8,
    ...nonNegativeNumber('--asset-rate'),
  },
  {
    key: 'redirectTo',
    flags: '--redirect-to <pattern>',
    description: 'new path of a post in the redirect files; {slug} {id} {year} {month} {day}',
    defaultValue: '/{slug}/',
    ...checkedText(redirectPattern, '--redirect-to'),
  },
  {
    key: 'full',
    flags: '--full',
    description:
      'fetch every post again, even those an earlier run into the same folder exported and that did not change',
    defaultValue: false,
  },
  {
    key: 'acceptLosses',
    flags: '--accept-losses',
    description:
      'let a post fetched again replace its export with less: metadata only for a post now protected for this visitor (a run without --cookie, or with an expired one), an empty body for one now empty. Without it the previous export is kept, marked kept, and the run exits 1',
    defaultValue: false,
  },
  {
    key: 'since',
    flags: '--since <date>',
    description:
      'only fetch posts whose sitemap/RSS date is on or after this day (2024-03-01, Korean time) or ISO time; posts with no date are skipped',
    defaultValue: null,
    defaultLabel: 'all',
    parse: parseSince,
    check: (value: unknown) => void (value === null || parseSince(String(value))),
  },
  {
    key: 'until',
    flags: '--until <date>',
    description:
      'only fetch posts whose sitemap/RSS date is on or before this day (2024-03-31 includes the whole day, Korean time) or ISO time; posts with no date are skipped',
    defaultValue: null,
    defaultLabel: 'all',
    parse: parseUntil,
    check: (value: unknown) => void (value === null || parseUntil(String(value))),
  },
  {
    key: 'categories',
    flags: '--category <name>',
    description:
      'only export the posts of this category and its subcategories (a subcategory as 개발/Python); repeat it for several. A category URL as the source does the same',
    defaultValue: [],
    defaultLabel: 'all',
    parse: (raw) => [parseCategoryPath(raw).join('/')],
    check: checkCategories,
    repeatable: true,
  },
  {
    key: 'cache',
    flags: '--cache <dir>',
    description: 'keep every raw response (pages, feeds, images) in this folder, for --offline',
    defaultValue: null,
    defaultLabel: 'none',
    check: nonEmpty('--cache', 'a folder'),
  },
  {
    key: 'offline',
    flags: '--offline',
    description:
      'answer every request from --cache and never use the network (re-convert after an upgrade, or into another format)',
    defaultValue: false,
  },
  {
    key: 'blogUrl',
    flags: '--blog-url <url>',
    description: 'with a backup .zip or folder as the source: the blog it came from, for old URLs and redirects',
    defaultValue: null,
    defaultLabel: 'none',
    check: nonEmpty('--blog-url', 'a URL'),
  },
  {
    key: 'cookie',
    flags: '--cookie <file-or-string>',
    description:
      "the blog owner's login (a cookies.txt file or a Cookie header value), to export private and protected posts; sent to the blog host only, never written anywhere",
    defaultValue: null,
    defaultLabel: 'none',
    check: nonEmpty('--cookie', 'a cookies.txt file or a Cookie header value'),
  },
  {
    key: 'comments',
    flags: '--comments [placement]',
    description:
      "fetch each post's comments (replies nested, secret ones without their text) into jsonl and wxr, and for the Markdown formats as json (a comments.json beside each post; --comments alone means json) or section (a 댓글 section at the end of the post); off fetches none",
    defaultValue: 'off',
    ...oneOf('--comments', COMMENTS_MODES),
    valueWhenAlone: 'json',
  },
  {
    key: 'filesUrl',
    flags: '--files-url <url>',
    description:
      "with -f wxr: the web address the output folder will be served from (https://example.com/tistory/); WordPress's importer then downloads every image and file from there instead of from Tistory. A backup source needs it: its files have no web address",
    defaultValue: null,
    defaultLabel: 'the Tistory URLs',
    ...checkedText(parseFilesUrl, '--files-url'),
  },
  {
    key: 'force',
    flags: '--force',
    description:
      'export into an output folder that holds other files and no earlier export of this tool (they stay; a file of the same name is overwritten). Not needed for a missing or empty folder, nor one holding only hidden files (.git, .gitignore), README and LICENSE',
    defaultValue: false,
  },
  {
    key: 'wpUrl',
    flags: '--wp-url <url>',
    description: 'with -f wordpress: the WordPress site to publish to (https://example.com), through its REST API',
    defaultValue: null,
    defaultLabel: 'none',
    ...checkedText(parseSiteUrl, '--wp-url'),
  },
  {
    key: 'wpUser',
    flags: '--wp-user <name>',
    description: 'with -f wordpress: the WordPress user (Administrator or Editor) the application password belongs to',
    defaultValue: null,
    defaultLabel: 'none',
    check: nonEmpty('--wp-user', 'a WordPress user name'),
  },
  {
    key: 'wpAppPassword',
    flags: '--wp-app-password <value-or-file>',
    description: `with -f wordpress: the user's application password (Users → Profile → Application Passwords), or a file holding it; never written anywhere`,
    defaultValue: null,
    defaultLabel: `$${APP_PASSWORD_ENV}`,
    check: nonEmpty('--wp-app-password', 'an application password or a file holding it'),
  },
  {
    key: 'wpStatus',
    flags: '--wp-status <status>',
    description:
      'with -f wordpress: draft (nothing goes public by surprise) or publish; an update never takes a published post back to draft',
    defaultValue: 'draft',
    ...oneOf('--wp-status', ['draft', 'publish'] as const),
  },
  {
    key: 'wpProtected',
    flags: '--wp-protected <status>',
    description:
      'with -f wordpress: what a protected post (title and dates, no body) becomes: draft, private, or skip (not published)',
    defaultValue: 'draft',
    ...oneOf('--wp-protected', ['draft', 'private', 'skip'] as const),
  },
  {
    key: 'wpUndo',
    flags: '--wp-undo',
    description:
      "delete from --wp-url everything this output folder's earlier -f wordpress runs created there (posts, pages, their comments, uploads, new categories and tags), and nothing else; exports nothing",
    defaultValue: false,
  },
  {
    key: 'dryRun',
    flags: '--dry-run',
    description:
      'list the posts that would be exported (with -f wordpress: created or updated on the site); write nothing',
    defaultValue: false,
  },
];

/** How an option's default reads in help and docs/options.md; undefined for flags. */
export function defaultLabel(spec: OptionSpec): string | undefined {
  if (spec.defaultLabel !== undefined) return spec.defaultLabel;
  return typeof spec.defaultValue === 'boolean' ? undefined : String(spec.defaultValue);
}

/** Runs every option's `check`: the CLI and `exportBlog` refuse the same values with the same words. */
export function validateSettings(settings: ExportSettings): void {
  for (const spec of OPTION_TABLE) {
    const value = settings[spec.key];
    if (typeof spec.defaultValue === 'boolean' && typeof value !== 'boolean') {
      throw new UsageError(`${spec.key} must be true or false, got ${JSON.stringify(value)}`);
    }
    spec.check?.(value);
  }
  checkDateRange(
    settings.since === null ? null : parseSince(settings.since),
    settings.until === null ? null : parseUntil(settings.until),
  );
  if (settings.filesUrl !== null && !settings.formats.includes('wxr')) {
    throw new UsageError('--files-url is for -f wxr: the other formats keep their files beside them');
  }
  if (settings.offline && settings.cache === null)
    throw new UsageError('--offline needs --cache <dir>: the folder a run with --cache filled');
  checkWordPressSettings(settings);
}

/** `--wp-*` go with `-f wordpress` (or `--wp-undo`), which needs a site and a user. */
function checkWordPressSettings(settings: ExportSettings): void {
  const publishing = settings.formats.includes('wordpress');
  if (publishing || settings.wpUndo) {
    const what = publishing ? '-f wordpress' : '--wp-undo';
    if (settings.wpUrl === null)
      throw new UsageError(`${what} needs --wp-url: the WordPress site's address (https://example.com)`);
    if (settings.wpUser === null)
      throw new UsageError(`${what} needs --wp-user: the user the application password belongs to`);
    if (publishing && settings.wpUndo)
      throw new UsageError('--wp-undo removes what -f wordpress published: run it on its own, without -f wordpress');
    return;
  }
  const given = [
    settings.wpUrl !== null && '--wp-url',
    settings.wpUser !== null && '--wp-user',
    settings.wpAppPassword !== null && '--wp-app-password',
    settings.wpStatus !== 'draft' && '--wp-status',
    settings.wpProtected !== 'draft' && '--wp-protected',
  ].filter(Boolean);
  if (given.length > 0)
    throw new UsageError(
      `${given.join(', ')} ${given.length === 1 ? 'is' : 'are'} for -f wordpress (add wordpress to --format)`,
    );
}

/** Options that need one kind of source: a blog's address, or Tistory's backup (read without the network). */
export function checkForSource(settings: ExportSettings, source: 'blog' | 'backup'): void {
  if (source === 'blog') {
    if (settings.blogUrl !== null)
      throw new UsageError('--blog-url is for a backup source (.zip or folder); a URL source is the blog itself');
    return;
  }
  if (settings.cookie !== null)
    throw new UsageError('--cookie needs a blog URL as the source: a backup is read without the network');
  if (settings.offline || settings.cache !== null)
    throw new UsageError('--cache and --offline are for a blog URL: a backup is read without the network');
  // Every post would be left out, undated: said, rather than an empty export.
  if (settings.since !== null || settings.until !== null) {
    throw new UsageError(
      '--since and --until need a blog URL: they compare the dates of its sitemap and feed, which a backup does not have',
    );
  }
  if (settings.comments !== 'off' && settings.blogUrl === null) {
    throw new UsageError(
      '--comments with a backup needs --blog-url: a backup holds no comments, they are asked from the blog itself',
    );
  }
  if (settings.formats.includes('wxr') && settings.images !== 'none' && settings.filesUrl === null) {
    throw new UsageError(
      "-f wxr from a backup needs --files-url: WordPress downloads each image from a web address, which a backup's files do not have (serve the output folder and give its address)",
    );
  }
}

export function defaultSettings(): ExportSettings {
  return Object.fromEntries(
    OPTION_TABLE.map((spec) => [spec.key, structuredClone(spec.defaultValue)]),
  ) as unknown as ExportSettings;
}
