/**
 * A site folder's `.gitignore`: what its build and its package manager leave there, so an export kept in
 * git (a nightly backup) never commits a built site or installed packages.
 */
export function gitignore(patterns: readonly string[]): string {
  return `# What building this site leaves here (written once by tistory-export).\n${patterns.join('\n')}\n`;
}
