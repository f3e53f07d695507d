import type { TranslationMemory } from '../../tm/types.js'

/**
 * A TranslationMemory whose implementation (the matcher, the TMX reader and writer, and the
 * alignment code they share with imports) is loaded on first use: most CLI verbs, `tolk report`
 * among them, never touch the memory and should not pay for loading it.
 */
export function lazyMemory(load: () => Promise<TranslationMemory>): TranslationMemory {
  let memory: Promise<TranslationMemory> | undefined
  const get = () => (memory ??= load())
  return {
    matches: async (query) => (await get()).matches(query),
    sync: async (limit) => (await get()).sync(limit),
    matchMany: async (queries) => (await get()).matchMany(queries),
    search: async (query) => (await get()).search(query),
    pairs: async () => (await get()).pairs(),
    hasPair: async (tgtLang, srcLang) => (await get()).hasPair(tgtLang, srcLang),
    importTmx: async (file, opts) => (await get()).importTmx(file, opts),
    async *exportTmx(opts) {
      yield* (await get()).exportTmx(opts)
    },
  }
}
