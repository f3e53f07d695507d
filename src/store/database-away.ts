/**
 * Whether an error says the database server is away: refusing connections, restarting, shut down,
 * out of connection slots, or a connection that broke mid-request. Such an error is answered 503
 * with Retry-After, never 500: the pool opens fresh connections once the server is back, without
 * a restart of Tolk.
 */
export function isDatabaseAway(err: unknown): boolean {
  const code = String((err as { code?: unknown } | null)?.code ?? '')
  if (AWAY_CODES.has(code) || /^08/.test(code)) return true
  const message = err instanceof Error ? err.message : ''
  return /^Connection terminated|^Client has encountered a connection error|^timeout exceeded when trying to connect/.test(message)
}

/**
 * Node's socket errors, and PostgreSQL's SQLSTATEs of class 08 (connection exception, matched
 * above), 57P01–57P03 (shut down, crashed, starting up) and 53300 (too many connections).
 */
const AWAY_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', '57P01', '57P02', '57P03', '53300'])
