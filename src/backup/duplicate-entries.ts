// A zip may hold one name twice (a tool that appends instead of replacing), and a backup unpacked on a
// Mac and zipped again may hold a Hangul name in both NFD and NFC, which this reader treats as one file.
// Only one of them can be read; which one, and that there were others, is said rather than guessed at.

/** The spellings each normalised path was met under, in archive order. */
export class EntrySpellings {
  private readonly byPath = new Map<string, string[]>();

  add(normalised: string, raw: string): void {
    const spellings = this.byPath.get(normalised);
    if (spellings) spellings.push(raw);
    else this.byPath.set(normalised, [raw]);
  }

  /** One line per path met more than once; the last spelling is the one read. */
  duplicates(): string[] {
    const lines: string[] = [];
    for (const [path, spellings] of this.byPath) {
      if (spellings.length < 2) continue;
      const forms = spellings.map(describeSpelling);
      const alike = spellings.every((raw) => raw === spellings[0]);
      lines.push(
        alike
          ? `backup entry ${JSON.stringify(path)} appears ${spellings.length} times; the last one is read`
          : `backup entry ${JSON.stringify(path)} appears ${spellings.length} times, spelled differently (${forms.join('; ')}); the last one (${forms.at(-1)}) is read`,
      );
    }
    return lines;
  }
}

function describeSpelling(raw: string): string {
  const traits: string[] = [];
  const nfc = raw.normalize('NFC');
  traits.push(raw === nfc ? 'NFC' : raw === raw.normalize('NFD') ? 'NFD' : 'not NFC');
  if (raw.includes('\\')) traits.push('\\ separators');
  if (raw.startsWith('./')) traits.push('./ prefix');
  return traits.join(', ');
}
