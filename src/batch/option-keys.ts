import { OPTION_TABLE, type OptionSpec } from '../options.js';

/**
 * The names a config may give an option: its long flag (`asset-layout`, `format`, `category`) or its
 * library name (`assetLayout`, `formats`, `categories`), so a line can be copied from a command or
 * from code alike.
 */
export const OPTION_BY_CONFIG_KEY: ReadonlyMap<string, OptionSpec> = new Map(
  OPTION_TABLE.flatMap((spec) => {
    const long = /--([a-z0-9-]+)/i.exec(spec.flags)?.[1] ?? spec.key;
    const camel = long.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
    return [...new Set([long, camel, spec.key])].map((name) => [name, spec] as const);
  }),
);

/** The long flag's name, how problems name an option whichever spelling the config used. */
export function flagName(spec: OptionSpec): string {
  return /--[a-z0-9-]+/i.exec(spec.flags)?.[0] ?? spec.key;
}
