// Relative links and anchors of Markdown files, checked the way GitHub resolves them, so a page that moves
// or a heading that is renamed cannot leave a dead link behind.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export interface MarkdownLink {
  /** The file the link is in, relative to the root. */
  file: string;
  target: string;
}

/** Fenced blocks and code spans hold examples, not links. */
function withoutCode(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/(`+)[\s\S]*?\1/g, '');
}

export function linksOf(markdown: string): string[] {
  const targets: string[] = [];
  for (const match of withoutCode(markdown).matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g))
    targets.push(match[1]!);
  return targets;
}

/** GitHub's anchor for a heading: its text, lower-cased, punctuation dropped, spaces as hyphens. */
export function headingSlug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

/** Every anchor a Markdown file offers, numbered as GitHub numbers repeated headings (`-1`, `-2`). */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const match of markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '')
    .matchAll(/^#{1,6}\s+(.+?)(?:\s+#+)?\s*$/gm)) {
    const slug = headingSlug(match[1]!);
    const count = seen.get(slug) ?? 0;
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
    seen.set(slug, count + 1);
  }
  return anchors;
}

/** The links among `files` (relative to `root`) that point at no file or heading inside `root`, each with why. */
export function brokenLinks(root: string, files: readonly string[]): string[] {
  const broken: string[] = [];
  for (const file of files) {
    const source = join(root, file);
    for (const target of linksOf(readFileSync(source, 'utf8'))) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      const problem = problemOf(root, source, target);
      if (problem) broken.push(`${file}: ${target}: ${problem}`);
    }
  }
  return broken;
}

function problemOf(root: string, source: string, target: string): string | null {
  const hashAt = target.indexOf('#');
  const pathPart = hashAt < 0 ? target : target.slice(0, hashAt);
  const anchor = hashAt < 0 ? null : decodeURIComponent(target.slice(hashAt + 1));
  const path = pathPart === '' ? source : resolve(dirname(source), decodeURIComponent(pathPart));
  const inside = relative(root, path);
  if (inside.startsWith(`..${sep}`) || inside === '..') return 'points outside the repository';
  if (!existsSync(path)) return 'no such file';
  if (anchor === null) return null;
  if (statSync(path).isDirectory() || !path.endsWith('.md'))
    return 'an anchor into something that is not a Markdown file';
  return anchorsOf(readFileSync(path, 'utf8')).has(anchor) ? null : `no heading with the anchor #${anchor}`;
}
