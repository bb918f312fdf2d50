import { posix } from 'node:path';

/**
 * The link from one output file to another, both given relative to the output folder with `/`:
 * `relativeLink('markdown/a.md', 'assets/x.png')` is `../assets/x.png`.
 */
export function relativeLink(fromFile: string, toFile: string): string {
  return posix.relative(posix.dirname(fromFile), toFile);
}
