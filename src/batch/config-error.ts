import { UsageError } from '../errors.js';

/** One thing wrong in a batch config: where (line, field) and what. */
export interface ConfigProblem {
  line: number;
  /** `blogs[2].images`, `defaults.rate`, or `blogs` for the file's shape. */
  field: string;
  message: string;
}

/** Every problem of a batch config at once, one line each, so one edit fixes them all. */
export class BatchConfigError extends UsageError {
  constructor(
    readonly path: string,
    readonly problems: readonly ConfigProblem[],
  ) {
    super(problems.map((problem) => `${path}:${problem.line}: ${problem.field}: ${problem.message}`).join('\n'));
    this.name = 'BatchConfigError';
  }
}
