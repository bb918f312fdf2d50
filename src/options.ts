import { FORMATS, isFormat, type Format } from './targets/index.js';
import { DEFAULT_USER_AGENT } from './version.js';
import { UsageError } from './errors.js';

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
}

export interface OptionSpec<K extends keyof ExportSettings = keyof ExportSettings> {
  key: K;
  flags: string;
  description: string;
  defaultValue: ExportSettings[K];
  /** How the default reads in help and the README. */
  defaultLabel?: string;
  parse?: (raw: string) => ExportSettings[K];
}

function positiveInteger(name: string) {
  return (raw: string): number => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new UsageError(`${name} must be a whole number of at least 1, got "${raw}"`);
    return value;
  };
}

function nonNegativeInteger(name: string) {
  return (raw: string): number => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0) throw new UsageError(`${name} must be a whole number of 0 or more, got "${raw}"`);
    return value;
  };
}

function nonNegativeNumber(name: string) {
  return (raw: string): number => {
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new UsageError(`${name} must be a number of 0 or more, got "${raw}"`);
    return value;
  };
}

export function parseFormats(raw: string): Format[] {
  const names = raw.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  if (names.length === 0) throw new UsageError(`--format needs at least one of: ${FORMATS.join(', ')}`);
  const unknown = names.filter((name) => !isFormat(name));
  if (unknown.length > 0) {
    throw new UsageError(`unknown format "${unknown.join('", "')}" (choose from: ${FORMATS.join(', ')})`);
  }
  return [...new Set(names)] as Format[];
}

export const OPTION_TABLE: readonly OptionSpec[] = [
  { key: 'out', flags: '-o, --out <dir>', description: 'output folder', defaultValue: 'output' },
  {
    key: 'formats',
    flags: '-f, --format <list>',
    description: `output formats, comma-separated: ${FORMATS.join(', ')}`,
    defaultValue: ['markdown'],
    defaultLabel: 'markdown',
    parse: parseFormats,
  },
  {
    key: 'concurrency',
    flags: '--concurrency <n>',
    description: 'requests in flight at once per host',
    defaultValue: 2,
    parse: positiveInteger('--concurrency'),
  },
  {
    key: 'rate',
    flags: '--rate <requests-per-second>',
    description: 'requests per second per host (0 = no limit)',
    defaultValue: 2,
    parse: nonNegativeNumber('--rate'),
  },
  {
    key: 'retries',
    flags: '--retries <n>',
    description: 'retries after a network error, timeout, 429 or 5xx',
    defaultValue: 4,
    parse: nonNegativeInteger('--retries'),
  },
  {
    key: 'timeout',
    flags: '--timeout <ms>',
    description: 'time limit for one request, in milliseconds',
    defaultValue: 30_000,
    parse: positiveInteger('--timeout'),
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
    parse: positiveInteger('--limit'),
  },
  {
    key: 'dryRun',
    flags: '--dry-run',
    description: 'list the posts that would be exported; write nothing',
    defaultValue: false,
  },
];

/** How an option's default reads in help and the README; undefined for flags. */
export function defaultLabel(spec: OptionSpec): string | undefined {
  if (spec.defaultLabel !== undefined) return spec.defaultLabel;
  return typeof spec.defaultValue === 'boolean' ? undefined : String(spec.defaultValue);
}

export function defaultSettings(): ExportSettings {
  return Object.fromEntries(OPTION_TABLE.map((spec) => [spec.key, structuredClone(spec.defaultValue)])) as unknown as ExportSettings;
}
