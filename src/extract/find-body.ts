import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import type { BodyFoundBy } from '../types.js';
import { cleanBody, isEmptyBody } from './clean-body.js';
import { BODY_MARKS, SKIN_CONTAINERS, bodyCandidates } from './locate-body.js';
import { MIN_BODY_CHARS, MIN_BODY_PARAGRAPHS } from './score-body.js';
import { GENERIC_CONTAINERS } from './skins.js';

export type BodySearch =
  | { found: true; node: Cheerio<AnyNode>; foundBy: BodyFoundBy; selector: string }
  | { found: false; error: string };

/** Said of a post whose body only the paragraph scorer found, so a person checks the guess. */
export const GUESSED_BODY_WARNING =
  'the post body was guessed from the paragraph text of the page (no Tistory body mark or known container): check that it holds the whole post and nothing else';

/** Every way a body is looked for, in order: what a page that has none is said to have been tried with. */
const WAYS_TRIED = [
  `Tistory's body mark (${BODY_MARKS.join(', ')})`,
  `known skin containers (${SKIN_CONTAINERS.join(', ')})`,
  `generic containers (${GENERIC_CONTAINERS.join(', ')})`,
  `paragraph scoring (no element outside the page chrome holds ${MIN_BODY_PARAGRAPHS} paragraphs with ${MIN_BODY_CHARS} characters of text)`,
];

/**
 * The post body of a page, cleaned of ads and chrome (mutates the page), or why there is none. A container
 * that holds nothing once cleaned gives way to the next candidate; Tistory's own body mark does not: an empty
 * one is an empty post.
 */
export function findBody($: CheerioAPI): BodySearch {
  const emptied: string[] = [];
  for (const candidate of bodyCandidates($)) {
    cleanBody($, candidate.node, candidate.foundBy !== 'skin');
    if (!isEmptyBody(candidate.node)) return { found: true, ...candidate };
    if (candidate.foundBy === 'skin') {
      return { found: false, error: `post body (${candidate.selector}) is empty once ads and page chrome are removed` };
    }
    emptied.push(candidate.selector);
  }
  const emptiedNote =
    emptied.length > 0
      ? `; on the page but empty once ads and page chrome were removed: ${[...new Set(emptied)].join(', ')}`
      : '';
  return { found: false, error: `no post body found; tried ${WAYS_TRIED.join('; ')}${emptiedNote}` };
}
