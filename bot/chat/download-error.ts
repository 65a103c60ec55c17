/**
 * Why a chat file download failed, as a type the caller can branch on (never its message):
 * - too_large: the body (declared or streamed) exceeds the limit;
 * - refused_host: the link points outside the platform's own file hosts (SSRF guard);
 * - no_url: the platform gave no link to download;
 * - http_status: the host answered with an error status (`status`).
 * Network failures (fetch's own errors) are not wrapped: they are transient by nature.
 */
export type DownloadFailureKind = 'too_large' | 'refused_host' | 'no_url' | 'http_status';

export class DownloadError extends Error {
  override name = 'DownloadError';
  constructor(
    readonly kind: DownloadFailureKind,
    message: string,
    readonly status?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }

  /** Only a server-side or rate-limit status may succeed when asked again. */
  get retryable(): boolean {
    return this.kind === 'http_status' && (this.status === undefined || this.status >= 500 || this.status === 429);
  }
}
