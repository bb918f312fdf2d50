/** Where the CLI writes: stdout and stderr, or a test's capture of them. */
export interface ProgressStream {
  write(chunk: string): boolean;
  isTTY?: boolean;
  columns?: number;
}

/** Where the command writes: the terminal's streams, or a test's stand-ins. */
export interface CliIo {
  stdout: ProgressStream;
  stderr: ProgressStream;
}

// C0 controls but tab and newline, DEL, and C1 controls (0x9b alone starts a sequence on some terminals).
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Text from a blog (titles, URLs, server messages) as the terminal may show it: every control character
 * but newline and tab becomes a visible escape (`\x1b`), so a title holding ESC[2J cannot clear the
 * screen, nor a BEL ring, nor an OSC sequence retitle the window. Output files keep the text as it is.
 */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL_CHARACTERS, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** A stream that shows everything written to it through `terminalSafe`. */
export function terminalSafeStream(stream: ProgressStream): ProgressStream {
  return {
    write: (chunk: string) => stream.write(terminalSafe(chunk)),
    ...(stream.isTTY === undefined ? {} : { isTTY: stream.isTTY }),
    ...(stream.columns === undefined ? {} : { columns: stream.columns }),
  };
}
