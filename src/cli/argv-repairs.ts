import { UsageError } from '../errors.js';
import { OPTION_TABLE, type OptionSpec } from '../options.js';

/**
 * The words as the user meant them, before commander reads them. Two slips that the shell turns into
 * something else: `-f hugo, wxr` (a space after the comma makes `wxr` a word of its own, read as the
 * source), and `--comments https://x.tistory.com` (an optional value would swallow the source).
 */
export function repairArgv(argv: readonly string[]): string[] {
  return optionalValuesAlone(joinSplitFormatList(argv));
}

/** Flags whose next word is always their value (`-o out`), so that word is never read as a flag here. */
const VALUE_FLAGS = new Set(OPTION_TABLE.filter((spec) => spec.flags.includes('<')).flatMap((spec) => flagNames(spec)));

function flagNames(spec: OptionSpec): string[] {
  return spec.flags.split(/[ ,]+/).filter((word) => word.startsWith('-'));
}

/**
 * `-f hugo, wxr` and `-f hugo ,wxr` are `-f hugo,wxr`: a list that ends with a comma (or a next word that
 * starts with one) goes on with the next word when that word is made of bare names; an unknown one
 * there is then answered as a format ("did you mean"). A list left ending with a comma is refused:
 * the word after it is a URL or a flag, and which was meant cannot be told.
 */
export function joinSplitFormatList(argv: readonly string[]): string[] {
  return rewriteWords(argv, (start, out) => {
    const word = argv[start]!;
    const inline = /^(--format=|-f(?!-))(.+)$/.exec(word);
    const separate = (word === '-f' || word === '--format') && start + 1 < argv.length;
    if (!inline && !separate) return null;
    let i = inline ? start : start + 1;
    let list = inline ? inline[2]! : argv[i]!;
    while (i + 1 < argv.length && continuesList(list, argv[i + 1]!)) list += argv[++i]!;
    if (list.endsWith(',')) {
      throw new UsageError(
        `--format "${list}" ends with a comma: list the formats with no space after a comma, as in -f hugo,wxr (or leave the comma out)`,
      );
    }
    if (inline) out.push(`${inline[1]!}${list}`);
    else out.push(word, list);
    return i;
  });
}

function continuesList(list: string, next: string): boolean {
  const names = next.split(',').filter(Boolean);
  const bare = names.every((name) => /^[a-z][a-z0-9-]*$/i.test(name));
  if (next.startsWith(',')) return bare;
  return list.endsWith(',') && names.length > 0 && bare;
}

/**
 * A flag with a value when alone (`--comments`): a URL, a path (`./backup.zip`) or another flag after it
 * is left alone, and the flag takes its value-when-alone. A bare word is its value, checked as one
 * (`--comments sectoin` gets "did you mean section?"), so a backup folder given right after it needs `./`.
 */
export function optionalValuesAlone(argv: readonly string[]): string[] {
  const alone = new Map(
    OPTION_TABLE.filter((spec) => spec.valueWhenAlone !== undefined).flatMap((spec) =>
      flagNames(spec).map((name) => [name, spec] as const),
    ),
  );
  return rewriteWords(argv, (i, out) => {
    const word = argv[i]!;
    const spec = alone.get(word);
    if (!spec) return null;
    const next = argv[i + 1];
    if (next !== undefined && isMeantAsValue(next)) {
      out.push(word, next);
      return i + 1;
    }
    out.push(`${word}=${spec.valueWhenAlone}`);
    return i;
  });
}

/**
 * Copies `argv`, letting `rewrite` stand in for the words from `i` on: it pushes what they mean and
 * returns the index of the last word it took, or null to leave the word as it is. A flag's value
 * (`-o -f`) is never taken for a flag, and nothing after `--` is touched.
 */
function rewriteWords(argv: readonly string[], rewrite: (i: number, out: string[]) => number | null): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const last = rewrite(i, out);
    if (last !== null) {
      i = last;
      continue;
    }
    out.push(word);
    if (VALUE_FLAGS.has(word) && i + 1 < argv.length) out.push(argv[++i]!);
  }
  return out;
}

/** Every source has a `.`, `/` or `:` (a URL, a .zip, a path), save a folder named with a bare word. */
function isMeantAsValue(word: string): boolean {
  return !word.startsWith('-') && !/[./:\\]/.test(word);
}
