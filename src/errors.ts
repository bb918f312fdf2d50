/** A problem with what the user asked for (bad URL, bad option, unwritable folder): exit code 2, one line. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The one-line text of anything thrown, for manifests and logs. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}
