/** `1 post`, `2 posts`: the CLI's counts are of nouns that take an `s`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
