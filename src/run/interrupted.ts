/**
 * The run was asked to stop (its signal aborted, e.g. by Ctrl-C). Posts in flight finished their writes
 * and every finished post is saved in the output folder's state, so the same command resumes the run.
 */
export class ExportInterrupted extends Error {
  constructor(
    readonly outDir: string,
    /** Posts of this run saved so far, including those of earlier, interrupted attempts. */
    readonly saved: number,
    /** Posts still to fetch. */
    readonly remaining: number,
  ) {
    super(`interrupted: ${saved} post${saved === 1 ? '' : 's'} saved, ${remaining} still to fetch`);
    this.name = 'ExportInterrupted';
  }
}
