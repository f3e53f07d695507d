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

/** Something named by id that does not exist; `code` names what (`unknown-article`, `unknown-unit`…). */
export class NotFound extends TolkError {
  constructor(message: string, code: string) {
    super(code, message, 404)
  }
}

/**
 * An archived article or i18next namespace: kept whole, but out of every listing, read and write
 * until restored. A read answers 404 (it is gone for the reader), a write or re-import 409 (the id
 * is taken, by something that can come back).
 */
export class Archived extends TolkError {
  readonly articleId: string
  constructor(id: string, on: 'read' | 'write' | 'import') {
    const restore = `tolk restore ${id} (or POST /api/articles/${encodeURIComponent(id)}/restore) brings it back as it was`
    const message =
      on === 'read'
        ? `${id} is archived: ${restore}`
        : on === 'write'
          ? `${id} is archived, so nothing was written: ${restore}`
          : `${id} is archived; restore it before importing to its id: ${restore}`
    super('archived', message, on === 'read' ? 404 : 409)
    this.articleId = id
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
