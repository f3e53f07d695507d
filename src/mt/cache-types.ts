/**
 * The store's cache of engine answers (Store.mtCache): one entry per engine, pair and source
 * text, so an identical request is answered without the engine. Entries are used for
 * {@link MT_CACHE_DAYS} days; past {@link MT_CACHE_MAX} entries the oldest go first.
 */

/** Most entries kept. */
export const MT_CACHE_MAX = 100_000
/** Days an entry is used. */
export const MT_CACHE_DAYS = 30

/** Which engine and pair an entry belongs to. */
export interface MtCacheKey {
  engine: string
  from: string
  to: string
}

/** Options of the cache's methods: a clock and a limit tests may set. */
export interface MtCacheOptions {
  /** Milliseconds since the epoch (default: now). */
  now?: number
  /** Most entries kept after a put (default MT_CACHE_MAX). */
  maxEntries?: number
}

/** The cache as the store keeps it. */
export interface MtCache {
  /** The cached translation of each source text, undefined where none or expired; in order. */
  get(key: MtCacheKey, sources: string[], opts?: MtCacheOptions): Promise<(string | undefined)[]>
  /** Keep translations (a source already cached is replaced), then drop expired and excess entries. */
  put(key: MtCacheKey, entries: { source: string; target: string }[], opts?: MtCacheOptions): Promise<void>
  /** Entries held, expired ones included until the next put. */
  size(): Promise<number>
}
