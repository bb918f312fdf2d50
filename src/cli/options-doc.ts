import { OPTION_TABLE, defaultLabel } from '../options.js';

/** The options table of docs/options.md, from the same table that builds the CLI, so the two cannot drift. */
export function renderOptionsTable(): string {
  const rows = OPTION_TABLE.map((spec) => {
    const label = defaultLabel(spec);
    return `| \`${spec.flags}\` | ${spec.description} | ${label === undefined ? '' : `\`${label}\``} |`;
  });
  return ['| option | meaning | default |', '|---|---|---|', ...rows].join('\n');
}
