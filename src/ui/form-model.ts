import { defaultLabel, OPTION_TABLE, type ExportSettings, type OptionSpec } from '../options.js';

/** How a field is shown: each kind is one control in the page. */
export type FieldKind = 'text' | 'number' | 'checkbox' | 'choice' | 'multi-choice' | 'secret' | 'lines';

/** One option of the CLI as the app's form shows it: the flag's words, default and choices, from OPTION_TABLE. */
export interface FormField {
  key: keyof ExportSettings;
  /** The long flag (`--images`), shown beside the field so the app teaches the command line too. */
  flag: string;
  kind: FieldKind;
  /** The CLI's help text (English); the page shows a translation where it has one. */
  description: string;
  /** What the field starts with: empty text means the option's default. */
  initial: string | boolean | string[];
  /** How the default reads when the field starts empty (`all`, `none`). */
  placeholder: string;
  choices?: readonly string[];
  /** Behind "more options": fetching politeness, paths and re-run switches most people never change. */
  advanced: boolean;
}

/**
 * Options the app does not offer, and why: publishing to WordPress needs a site's login and has its own
 * undo, better run from the command line; a dry run writes nothing to report or download.
 */
export const LEFT_OUT_OPTIONS: ReadonlySet<keyof ExportSettings> = new Set([
  'wpUrl',
  'wpUser',
  'wpAppPassword',
  'wpStatus',
  'wpProtected',
  'wpUndo',
  'dryRun',
] as const);

/** Formats the app does not offer (see LEFT_OUT_OPTIONS). */
const LEFT_OUT_FORMATS: ReadonlySet<string> = new Set(['wordpress']);

/** The options most people set; the rest are advanced. In this order, first. */
const MAIN_OPTIONS: readonly (keyof ExportSettings)[] = [
  'out',
  'formats',
  'images',
  'comments',
  'cookie',
  'blogUrl',
  'categories',
  'since',
  'until',
  'limit',
];

/** Options whose value is a login: never echoed into the page, never kept after the run. */
const SECRET_OPTIONS: ReadonlySet<keyof ExportSettings> = new Set(['cookie']);

/** The form, in the order shown: the main options, then the advanced ones in the table's order. */
export function buildFormModel(table: readonly OptionSpec[] = OPTION_TABLE): FormField[] {
  const offered = table.filter((spec) => !LEFT_OUT_OPTIONS.has(spec.key));
  const rank = (spec: OptionSpec) => {
    const main = MAIN_OPTIONS.indexOf(spec.key);
    return main === -1 ? MAIN_OPTIONS.length : main;
  };
  return [...offered].sort((a, b) => rank(a) - rank(b)).map(fieldOf);
}

function fieldOf(spec: OptionSpec): FormField {
  const kind = kindOf(spec);
  const field: FormField = {
    key: spec.key,
    flag: /--[a-z0-9-]+/i.exec(spec.flags)?.[0] ?? spec.flags,
    kind,
    description: spec.description,
    initial: initialOf(spec, kind),
    placeholder: defaultLabel(spec) ?? '',
    advanced: !MAIN_OPTIONS.includes(spec.key),
  };
  if (spec.choices) field.choices = spec.choices.filter((choice) => !LEFT_OUT_FORMATS.has(choice));
  return field;
}

function kindOf(spec: OptionSpec): FieldKind {
  if (spec.choices) return Array.isArray(spec.defaultValue) ? 'multi-choice' : 'choice';
  if (typeof spec.defaultValue === 'boolean') return 'checkbox';
  if (spec.repeatable) return 'lines';
  if (SECRET_OPTIONS.has(spec.key)) return 'secret';
  if (typeof spec.defaultValue === 'number') return 'number';
  return 'text';
}

function initialOf(spec: OptionSpec, kind: FieldKind): string | boolean | string[] {
  const value = spec.defaultValue;
  if (kind === 'checkbox') return value === true;
  if (kind === 'multi-choice') return Array.isArray(value) ? value.map(String) : [];
  if (kind === 'lines') return Array.isArray(value) ? value.join('\n') : '';
  // A default with a label of its own (the User-Agent naming this version) starts empty, showing the label.
  if (value === null || spec.defaultLabel !== undefined) return '';
  return String(value);
}
