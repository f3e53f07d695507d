/**
 * Why an engine gave no translation, in words a translator can read. The reason never holds a
 * key or a request URL with one (keys travel in headers only).
 */
export class MtError extends Error {
  constructor(
    message: string,
    /** Seconds the engine asked to wait (429 Retry-After), when it said. */
    readonly retryAfter?: number,
  ) {
    super(message)
    this.name = 'MtError'
  }
}

/** Read a Retry-After header: seconds, or an HTTP date; undefined when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined
  if (/^\d+$/.test(header.trim())) return Number(header.trim())
  const at = Date.parse(header)
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000))
}

/** The MtError for an HTTP answer that is not a success, by status (documented meanings). */
export function httpError(status: number, retryAfter: string | null, detail = ''): MtError {
  const more = detail ? `: ${detail.slice(0, 200)}` : ''
  if (status === 429) {
    const s = retryAfterSeconds(retryAfter)
    return new MtError(`rate limited${s === undefined ? '' : `, retry after ${s} s`}`, s)
  }
  if (status === 456) return new MtError('quota exceeded')
  if (status === 401 || status === 403) return new MtError(`refused the key (HTTP ${status})${more}`)
  if (status === 400) return new MtError(`refused the request (HTTP 400)${more}`)
  return new MtError(`answered HTTP ${status}${more}`)
}

const NETWORK: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  UND_ERR_SOCKET: 'connection closed',
}

/** The reason to report for anything thrown while translating. */
export function reasonOf(err: unknown, timedOut: boolean): string {
  if (timedOut) return 'timed out'
  if (err instanceof MtError) return err.message
  if (err instanceof Error && err.name === 'AbortError') return 'cancelled'
  if (err instanceof TypeError) {
    // fetch's network errors carry a code; its message names the address, which stays out.
    const code = (err.cause as { code?: string } | undefined)?.code
    return `unreachable (${(code && NETWORK[code]) ?? code ?? err.message})`
  }
  return 'failed'
}
