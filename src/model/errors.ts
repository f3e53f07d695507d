/**
 * Small typed errors thrown by domain code. The CLI maps them to a one-line message and exit 2;
 * the HTTP layer maps them to application/problem+json. Messages say how to fix the input.
 */
export class TolkError extends Error {
  /** A stable machine-readable code, also used as the problem type's last path segment. */
  readonly code: string
  /** The HTTP status this error maps to. */
  readonly status: number

  constructor(code: string, message: string, status = 400) {
    super(message)
    this.name = new.target.name
    this.code = code
    this.status = status
  }
}

/** Input that does not follow the rules (bad id, bad tag, malformed text). */
export class InvalidInput extends TolkError {
  constructor(message: string, code = 'invalid-input') {
    super(code, message, 400)
  }
}

/** Something named by id that does not exist. */
export class NotFound extends TolkError {
  constructor(message: string, code = 'not-found') {
    super(code, message, 404)
  }
}

/**
 * A write based on a version that is no longer current. Carries the current translation so the
 * writer can see both texts (HTTP 412 with `current` and `yours`).
 */
export class VersionConflict extends TolkError {
  readonly current: { text: string; state: string; version: number }
  constructor(current: { text: string; state: string; version: number }, basedOn: number) {
    super(
      'version-conflict',
      `the translation is at version ${current.version}, not ${basedOn}: someone saved it in between; reload and merge`,
      412,
    )
    this.current = current
  }
}

/**
 * The database stayed locked by another writer (a CLI import, say) for longer than a write may
 * wait: HTTP 503 with `Retry-After`, nothing written. Try again shortly.
 */
export class StoreBusy extends TolkError {
  /** Seconds after which a retry is likely to find the database free. */
  readonly retryAfter: number
  constructor(waitedMs: number, retryAfter = 1) {
    super(
      'store-busy',
      `the database is busy with another writer (an import?)${waitedMs > 0 ? ` and stayed locked for ${waitedMs} ms` : ''}; nothing was written: try again in ${retryAfter} s`,
      503,
    )
    this.retryAfter = retryAfter
  }
}
