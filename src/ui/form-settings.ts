import { UsageError } from '../errors.js';
import { defaultSettings, OPTION_TABLE, validateSettings, type ExportSettings } from '../options.js';
import { buildFormModel, type FormField } from './form-model.js';

/** What the page sends for one field: text, a switch, or the chosen words of a list. */
export type FormValue = string | boolean | string[];

/**
 * The form's values → the settings `exportBlog` takes, read by the option table's own parsers and checked
 * by `validateSettings`: a value the CLI refuses is refused here with the CLI's words. An empty text field
 * is the option left out (its default).
 */
export function settingsFromForm(values: Readonly<Record<string, unknown>>): ExportSettings {
  const fields = new Map(buildFormModel().map((field) => [field.key as string, field]));
  const settings = defaultSettings() as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(values)) {
    const field = fields.get(key);
    if (!field) throw new UsageError(`the app does not set "${key}": use the command line for it`);
    const parsed = parseField(field, value);
    if (parsed !== undefined) settings[key] = parsed;
  }
  validateSettings(settings as unknown as ExportSettings);
  return settings as unknown as ExportSettings;
}

function parseField(field: FormField, value: unknown): unknown {
  const spec = OPTION_TABLE.find((candidate) => candidate.key === field.key)!;
  const parse = (raw: string): unknown => (spec.parse ? spec.parse(raw) : raw);
  switch (field.kind) {
    case 'checkbox':
      if (typeof value !== 'boolean') throw new UsageError(`${field.flag} must be on or off`);
      return value;
    case 'multi-choice':
      if (!Array.isArray(value)) throw new UsageError(`${field.flag} must be a list`);
      return parse(value.map(String).join(','));
    case 'lines': {
      if (typeof value !== 'string') throw new UsageError(`${field.flag} must be text`);
      const lines = value
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      return lines.flatMap((line) => parse(line) as unknown[]);
    }
    default: {
      if (typeof value !== 'string') throw new UsageError(`${field.flag} must be text`);
      // A secret is passed as typed: a cookie value's spaces are its own.
      const text = field.kind === 'secret' ? value : value.trim();
      return text.trim() === '' ? undefined : parse(text);
    }
  }
}
