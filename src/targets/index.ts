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
import { createWordPressTarget } from '../publish/wordpress/target.js';
import type { Format } from '../names.js';

export type { Target } from './target.js';

/** One factory per name in `FORMATS` (src/names.ts), no more and no fewer. */
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
  wordpress: ({ wordpress, onWarning }: TargetContext) => {
    if (!wordpress) throw new Error('-f wordpress needs a connected site (see openSite)');
    return createWordPressTarget(wordpress, onWarning ?? (() => {}));
  },
} satisfies Record<Format, (context: TargetContext) => Target>;

export function createTarget(format: Format, context: TargetContext): Target {
  return TARGET_FACTORIES[format](context);
}
