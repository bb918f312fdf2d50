import { createJsonlTarget } from './jsonl.js';
import { createMarkdownTarget } from './markdown.js';
import type { Target, TargetContext } from './target.js';

export type { AssetLayout, Target, TargetContext } from './target.js';

const TARGET_FACTORIES = {
  markdown: createMarkdownTarget,
  jsonl: createJsonlTarget,
} satisfies Record<string, (context: TargetContext) => Target>;

export type Format = keyof typeof TARGET_FACTORIES;
export const FORMATS = Object.keys(TARGET_FACTORIES) as Format[];

export function isFormat(name: string): name is Format {
  return Object.hasOwn(TARGET_FACTORIES, name);
}

export function createTarget(format: Format, context: TargetContext): Target {
  return TARGET_FACTORIES[format](context);
}
