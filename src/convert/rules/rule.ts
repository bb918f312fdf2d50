import type TurndownService from 'turndown';

/** What every rule may need to know about the post being converted. */
export interface ConvertContext {
  /** The post's URL; relative links and images are resolved against it. */
  readonly baseUrl?: string;
}

/** One conversion rule: a file in this folder, registered in `./index.ts`. */
export interface RuleDefinition {
  /** Turndown's rule key; unique. */
  readonly key: string;
  create(context: ConvertContext): TurndownService.Rule;
}
