import { UsageError } from '../errors.js';
import type { ExportSettings, OptionSpec } from '../options.js';
import { flagName } from './option-keys.js';

/**
 * A YAML value → the option's setting, read as the flag's text would be (`parse`), so `images: remote`,
 * `since: 2024-03-01`, `format: md,jsonl` mean what they mean on the command line. A list is read as the
 * flag repeated (`category: [개발, 일상]`, `format: [markdown, jsonl]`); `true` for an option with a
 * value of its own when alone (`comments: true`) is that value. Refusals are the option table's own.
 */
export function settingValue(spec: OptionSpec, value: unknown): ExportSettings[keyof ExportSettings] {
  const flag = flagName(spec);
  const isFlag = typeof spec.defaultValue === 'boolean';
  const takesList = Array.isArray(spec.defaultValue);
  let setting: unknown;
  if (value === null) {
    // The option's absence where it has one (`limit:` = no limit); a required value is refused below.
    setting = spec.defaultValue === null ? null : refuse(`${flag} needs a value`);
  } else if (Array.isArray(value)) {
    if (!takesList) refuse(`${flag} takes one value, not a list`);
    setting = value.flatMap((item) => {
      if (item === null || typeof item === 'object')
        refuse(`${flag} takes a list of words, got ${JSON.stringify(item)}`);
      return spec.parse ? (spec.parse(String(item)) as unknown[]) : [String(item)];
    });
  } else if (typeof value === 'object') {
    refuse(`${flag} takes one value, not a mapping`);
  } else if (typeof value === 'boolean') {
    if (spec.valueWhenAlone !== undefined) setting = value ? spec.parse!(spec.valueWhenAlone) : spec.defaultValue;
    else if (isFlag) setting = value;
    else refuse(`${flag} needs a value, got ${value}`);
  } else if (isFlag) {
    refuse(`${flag} must be true or false, got ${JSON.stringify(value)}`);
  } else {
    setting = spec.parse ? spec.parse(String(value)) : String(value);
  }
  spec.check?.(setting as never);
  return setting as ExportSettings[keyof ExportSettings];
}

function refuse(message: string): never {
  throw new UsageError(message);
}
