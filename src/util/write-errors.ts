/**
 * A file of the output could not be written. Names the file itself, never the temp file the bytes went
 * to first, and keeps the system's `code` (EACCES, ENOSPC, …) for callers that tell faults apart.
 */
class FileWriteError extends Error {
  constructor(
    /** The file that was being written. */
    readonly path: string,
    readonly code: string,
    description: string,
  ) {
    super(`cannot write ${path}: ${description} (${code})`);
    this.name = 'FileWriteError';
  }
}

/** No room left for the output (ENOSPC, or a quota's EDQUOT): the run stops, it does not fail post after post. */
export class DiskFullError extends FileWriteError {
  constructor(path: string, code: string, description: string) {
    super(path, code, description);
    this.name = 'DiskFullError';
  }
}

const DISK_FULL_CODES: ReadonlySet<string> = new Set(['ENOSPC', 'EDQUOT']);

/**
 * What a failed write of `path` is reported as: a system error becomes a `FileWriteError` for `path`
 * (a `DiskFullError` for a full disk); anything else is returned as it is.
 */
export function writeFailure(error: unknown, path: string): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (!(error instanceof Error) || typeof code !== 'string' || error instanceof FileWriteError) return error;
  // Node's form is `CODE: description, syscall 'path'`: the description alone, the path being the temp file's.
  const description = /^[A-Z0-9_]+: ([^,]+)/.exec(error.message)?.[1] ?? error.message;
  const failure = DISK_FULL_CODES.has(code)
    ? new DiskFullError(path, code, description)
    : new FileWriteError(path, code, description);
  failure.cause = error;
  return failure;
}

/** A write that failed for want of room, wrapped by `writeFailure` or straight from the system. */
export function isDiskFull(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return error instanceof DiskFullError || (typeof code === 'string' && DISK_FULL_CODES.has(code));
}
