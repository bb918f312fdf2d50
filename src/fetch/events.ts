/** What the client reports through `onEvent`, for logging only (it never changes behaviour). */
export type HttpClientEvent =
  | { type: 'retry'; url: string; attempt: number; delayMs: number; reason: string }
  | { type: 'host-paused'; host: string; delayMs: number; reason: string }
  | { type: 'redirect'; from: string; to: string; status: number }
  | { type: 'robots-disallowed'; url: string }
  | { type: 'robots-unavailable'; url: string; reason: string };

export interface HttpClientStats {
  /** HTTP attempts sent, robots.txt and retries included. */
  requests: number;
  retries: number;
  /** Body bytes received on the wire (before decompression). */
  bytes: number;
  /** Responses received, by status code. */
  statuses: Record<number, number>;
}
