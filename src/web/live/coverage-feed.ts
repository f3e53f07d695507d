import { NotFound } from '../../model/errors.js'
import type { CoverageCounts, Store } from '../../store/types.js'
import type { LiveSource } from './stream.js'
import { nap } from './nap.js'

/** Most articles one dashboard stream may follow (a dashboard page shows far fewer). */
export const MAX_FOLLOWED_ARTICLES = 500

interface Watcher {
  articles: ReadonlySet<string>
  /** The newest counts not yet sent, one per article and language: bounded by what it follows. */
  pending: Map<string, CoverageCounts>
  wake?: () => void
  ended: boolean
}

const keyOf = (c: CoverageCounts) => `${c.articleId}\u0000${c.lang}`
const same = (a: CoverageCounts, b: CoverageCounts) =>
  JSON.stringify([a.units, a.words]) === JSON.stringify([b.units, b.words])

/**
 * The coverage of these articles in one read; when one of them is no article (any more), one
 * read each, leaving out those that are not.
 */
async function coverageOf(store: Store, articles: readonly string[]): Promise<CoverageCounts[]> {
  if (articles.length === 0) return []
  try {
    return await store.coverage({ articles: [...articles] })
  } catch (err) {
    if (!(err instanceof NotFound)) throw err
    const each = await Promise.all(articles.map((a) => store.coverage({ articles: [a] }).catch((e) => (e instanceof NotFound ? [] : Promise.reject(e)))))
    return each.flat()
  }
}

/**
 * The coverage of the articles open dashboards show, as it moves. One timer per process asks
 * the store for its latest event id (any save, by any process on the database); only when it
 * moved does it read the coverage of the articles some dashboard follows, in one read for all
 * of them, and hand each dashboard the bars that changed. A dashboard gets the bars as they are
 * when it joins, so a save between the page and the stream is not missed.
 */
export function createCoverageFeed(store: Store, opts: { pollMs?: number } = {}) {
  const pollMs = opts.pollMs ?? 250
  const watchers = new Set<Watcher>()
  /** The counts last handed out, per article and language, for the articles followed. */
  const known = new Map<string, CoverageCounts>()
  let seen = -1
  let timer: ReturnType<typeof setInterval> | undefined
  let polling = false

  const followed = () => {
    const all = new Set<string>()
    for (const w of watchers) for (const a of w.articles) all.add(a)
    return all
  }

  async function poll(): Promise<void> {
    if (polling) return
    polling = true
    try {
      const last = await store.lastEventId()
      if (last === seen) return
      seen = last
      const articles = followed()
      for (const [key, c] of known) if (!articles.has(c.articleId)) known.delete(key)
      for (const counts of await coverageOf(store, [...articles])) {
        const key = keyOf(counts)
        const before = known.get(key)
        known.set(key, counts)
        if (before && same(before, counts)) continue
        for (const w of watchers) {
          if (!w.articles.has(counts.articleId)) continue
          w.pending.set(key, counts)
          w.wake?.()
        }
      }
    } finally {
      polling = false
    }
  }

  return {
    /** Follow the bars of these articles (at most {@link MAX_FOLLOWED_ARTICLES}), starting with where they are now. */
    async subscribe(articles: readonly string[]): Promise<LiveSource<CoverageCounts>> {
      if (watchers.size === 0) seen = await store.lastEventId()
      const now = await coverageOf(store, [...new Set(articles)])
      // Only articles that are there are followed: an unknown id costs nothing later.
      const w: Watcher = { articles: new Set(now.map((c) => c.articleId)), pending: new Map(), ended: false }
      for (const counts of now) {
        w.pending.set(keyOf(counts), counts)
        if (!known.has(keyOf(counts))) known.set(keyOf(counts), counts)
      }
      watchers.add(w)
      timer ??= setInterval(() => void poll().catch(() => {}), pollMs)
      timer.unref?.()
      const leave = () => {
        w.ended = true
        w.wake?.()
        watchers.delete(w)
        if (watchers.size === 0 && timer) {
          clearInterval(timer)
          timer = undefined
        }
      }
      return {
        async next(ms) {
          if (w.pending.size === 0 && !w.ended) await nap(w, ms)
          if (w.ended) return undefined
          const out = [...w.pending.values()]
          w.pending.clear()
          return out
        },
        poke: () => w.wake?.(),
        close: leave,
      }
    },
  }
}

/** The coverage feed of one web app. */
export type CoverageFeed = ReturnType<typeof createCoverageFeed>
