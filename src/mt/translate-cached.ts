/**
 * Machine translation through the store's cache: texts the cache holds for this engine and pair
 * are answered from it; the rest go to the engine, and what it translated is kept. A cache that
 * fails to write costs only the saving, never the translations.
 */
import type { MtCache } from './cache-types.js'
import type { MtEngine, MtOutcome } from './types.js'

/** Translate `texts` with `engine`, from the cache where it can. */
export async function translateCached(
  cache: MtCache,
  engine: MtEngine,
  from: string,
  to: string,
  texts: string[],
  opts: { signal?: AbortSignal; deadline?: number } = {},
): Promise<MtOutcome[]> {
  const key = { engine: engine.name, from, to }
  const cached = await cache.get(key, texts)
  const out: MtOutcome[] = cached.map((c) => (c === undefined ? { ok: false, reason: '' } : { ok: true, text: c, cached: true }))
  const todo = texts.flatMap((_t, i) => (cached[i] === undefined ? [i] : []))
  if (todo.length === 0) return out
  const fresh = await engine.translate(from, to, todo.map((i) => texts[i]!), opts)
  todo.forEach((i, k) => (out[i] = fresh[k]!))
  const keep = todo.flatMap((i, k) => {
    const o = fresh[k]!
    return o.ok && texts[i]!.trim() !== '' ? [{ source: texts[i]!, target: o.text }] : []
  })
  if (keep.length > 0) await cache.put(key, keep).catch(() => undefined)
  return out
}
