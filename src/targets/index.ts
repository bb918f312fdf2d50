import { createAstroTarget } from './astro.js';
import { createGhostTarget } from './ghost.js';
import { createHexoTarget } from './hexo.js';
import { createHugoTarget } from './hugo.js';
import { createJekyllTarget } from './jekyll.js';
import { createJsonlTarget } from './jsonl.js';
import { createMarkdownTarget } from './markdown.js';
import { createObsidianTarget } from './obsidian.js';
import type { Target, TargetContext } from './target.js';
import { createWxrTarget } from './wxr.js';

export type { AssetLayout, Target, TargetContext } from './target.js';

/** In the order `--help` lists them. Each writes under `<out>/<format>/` (jsonl: `<out>/posts.jsonl`). */
const TARGET_FACTORIES = {
  markdown: createMarkdownTarget,
  hugo: createHugoTarget,
  jekyll: createJekyllTarget,
  hexo: createHexoTarget,
  astro: createAstroTarget,
  obsidian: createObsidianTarget,
  wxr: createWxrTarget,
  ghost: createGhostTarget,
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
