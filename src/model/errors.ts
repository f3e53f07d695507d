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
