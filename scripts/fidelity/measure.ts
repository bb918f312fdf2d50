import MarkdownIt from 'markdown-it';
import { parseBody, renderSubstitutionCodes } from '../../src/convert/prepare/index.js';
import { COUNT_NAMES, type Counts, readerView } from './reader-view.js';

export interface Fidelity {
  /** Words of the source and of the rendered Markdown, and how many of them the two share. */
  sourceWords: number;
  outputWords: number;
  sharedWords: number;
  source: Counts;
  output: Counts;
  /** Words lost and words added, for a reader looking into a low score. */
  missing: string[];
  extra: string[];
}

// CommonMark + GFM tables and strikethrough; raw HTML passes through as a Markdown renderer would show it.
const renderer = new MarkdownIt({ html: true, linkify: false });

/**
 * How much of a post body arrives in its Markdown: the Markdown is rendered back to HTML and both are
 * read as a reader would. The source is first shown as Tistory meant it (old codes expanded).
 */
export function measureFidelity(bodyHtml: string, markdown: string): Fidelity {
  const shown = parseBody(bodyHtml);
  renderSubstitutionCodes(shown);
  const source = readerView(shown.html());
  const output = readerView(renderer.render(markdown));
  const remaining = countWords(output.words);
  const missing: string[] = [];
  for (const word of source.words) {
    const left = remaining.get(word) ?? 0;
    if (left > 0) remaining.set(word, left - 1);
    else missing.push(word);
  }
  const extra = Array.from(remaining).flatMap(([word, left]) => Array<string>(left).fill(word));
  return {
    sourceWords: source.words.length,
    outputWords: output.words.length,
    sharedWords: source.words.length - missing.length,
    source: source.counts,
    output: output.counts,
    missing,
    extra,
  };
}

export function recall(fidelity: Pick<Fidelity, 'sharedWords' | 'sourceWords'>): number {
  return fidelity.sourceWords === 0 ? 1 : fidelity.sharedWords / fidelity.sourceWords;
}

export function precision(fidelity: Pick<Fidelity, 'sharedWords' | 'outputWords'>): number {
  return fidelity.outputWords === 0 ? 1 : fidelity.sharedWords / fidelity.outputWords;
}

const TARGET = 0.995;

/** Recall and precision at the target, and every count the same on both sides. */
export function meetsTarget(fidelity: Fidelity): boolean {
  return (
    recall(fidelity) >= TARGET &&
    precision(fidelity) >= TARGET &&
    COUNT_NAMES.every((name) => fidelity.source[name] === fidelity.output[name])
  );
}

function countWords(words: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}
