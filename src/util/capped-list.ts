/** The first `max` lines of a list, then one saying how many more there are (and `where`, when given). */
export function cappedList(lines: readonly string[], where = '', max = 20): string[] {
  if (lines.length <= max) return [...lines];
  return [...lines.slice(0, max), `  … and ${lines.length - max} more${where ? ` (${where})` : ''}`];
}
