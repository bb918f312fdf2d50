import type { Command } from 'commander';
import { UsageError } from '../errors.js';

/**
 * Commander keeps the last of two values for one option without a word. `-f markdown -f jsonl` then
 * exports only jsonl, and `-o a -o b` writes somewhere the user did not expect: both are conflicting
 * instructions, reported instead of guessed. Repeating the same value is harmless and allowed.
 */
export function rejectConflictingRepeats(program: Command, repeatable: ReadonlySet<string> = new Set()): void {
  for (const option of program.options) {
    const name = option.name();
    // Each value adds to the list (`--category a --category b`): nothing to choose between.
    if (repeatable.has(option.attributeName())) continue;
    let first: unknown;
    let seen = false;
    program.on(`option:${name}`, (value: unknown) => {
      if (seen && value !== first) {
        const hint = name === 'format' ? ` (for several formats use --format ${String(first)},${String(value)})` : '';
        throw new UsageError(
          `--${name} given twice with different values, "${String(first)}" and "${String(value)}"${hint}`,
        );
      }
      seen = true;
      first = value;
    });
  }
}
