import { LineCounter, isScalar, parseDocument, type Document, type Node } from 'yaml';
import type { ConfigProblem } from './config-error.js';

/** A parsed YAML file that can say on which line each of its nodes starts. */
export interface LinedDocument {
  document: Document.Parsed;
  lineOf(node: unknown): number;
  /** The file's syntax errors (duplicate keys among them), each on its line. */
  syntaxProblems: ConfigProblem[];
}

export function parseWithLines(text: string): LinedDocument {
  const counter = new LineCounter();
  const document = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
  const lineOf = (node: unknown): number => {
    const start = (node as Node | null)?.range?.[0];
    return start === undefined ? 1 : counter.linePos(start).line;
  };
  const syntaxProblems = [...document.errors, ...document.warnings].map((error) => ({
    line: error.linePos?.[0].line ?? 1,
    field: 'YAML',
    // yaml's message repeats the position and adds a drawing of the line; the problem line has both.
    message: (error.message.split('\n')[0] ?? error.code).replace(/ at line \d+, column \d+:?$/, ''),
  }));
  return { document, lineOf, syntaxProblems };
}

/** A mapping key as text (`1:` is the key "1"); null for a key that is itself a list or mapping. */
export function keyText(key: unknown): string | null {
  return isScalar(key) && (typeof key.value === 'string' || typeof key.value === 'number') ? String(key.value) : null;
}
