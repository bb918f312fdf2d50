import { createJsonlTarget } from './jsonl.js';
import { createMarkdownTarget } from './markdown.js';
import type { Target } from './target.js';

export type { Target } from './target.js';

const TARGET_FACTORIES = {
  markdown: createMarkdownTarget,
  jsonl: createJsonlTarget,
} satisfies Record<string, (outDir: string) => Target>;

export type Format = keyof typeof TARGET_FACTORIES;
export const FORMATS = Object.keys(TARGET_FACTORIES) as Format[];

export function isFormat(name: string): name is Format {
  return Object.hasOwn(TARGET_FACTORIES, name);
}

export function createTarget(format: Format, outDir: string): Target {
  return TARGET_FACTORIES[format](outDir);
}
