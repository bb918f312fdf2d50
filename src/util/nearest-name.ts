/**
 * The known name a mistyped word most likely meant, for "did you mean …?": the only name it begins
 * (`obs` → `obsidian`), else the closest by edits, a swap of two neighbouring letters counting as one
 * (`wrx` → `wxr`). Null when nothing is close enough to be a fair guess, or two names are equally close.
 */
export function nearestName(word: string, names: readonly string[]): string | null {
  const typed = word.trim().toLowerCase();
  if (typed === '') return null;
  const startingWith = names.filter((name) => name.startsWith(typed));
  if (typed.length >= 2 && startingWith.length === 1) return startingWith[0]!;
  // Beyond a third of the word's letters, a "guess" is a different word.
  const allowed = Math.max(1, Math.floor(typed.length / 3));
  let best: string | null = null;
  let bestDistance = Infinity;
  let tied = false;
  for (const name of names) {
    const distance = editDistance(typed, name);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
      tied = false;
    } else if (distance === bestDistance) {
      tied = true;
    }
  }
  return bestDistance <= allowed && !tied ? best : null;
}

/** Insertions, deletions, substitutions and swaps of two neighbouring letters (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        distance = Math.min(distance, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = distance;
    }
  }
  return rows[a.length]![b.length]!;
}

/** ` (did you mean markdown?)` for a near miss, else nothing: appended to a usage error's one line. */
export function didYouMean(word: string, names: readonly string[]): string {
  const guess = nearestName(word, names);
  return guess === null ? '' : ` (did you mean ${guess}?)`;
}
