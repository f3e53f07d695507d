/**
 * The configured engines by name, each an adapter wrapped by the runner (./runner.ts).
 */
import { apertiumAdapter } from './apertium.js'
import { deeplAdapter } from './deepl.js'
import { libretranslateAdapter } from './libretranslate.js'
import { openaiAdapter } from './openai.js'
import { createEngine, type EngineOptions } from './runner.js'
import type { EngineAdapter, EngineConfig, MtEngine } from './types.js'

/** The adapter for one configuration's kind. */
export function adapterFor(config: EngineConfig & { model?: string }): EngineAdapter {
  switch (config.kind) {
    case 'apertium':
      return apertiumAdapter(config)
    case 'deepl':
      return deeplAdapter(config)
    case 'libretranslate':
      return libretranslateAdapter(config)
    case 'openai':
      return openaiAdapter(config)
  }
}

/** One engine per configuration, by name, in the order given. */
export function createEngines(configs: (EngineConfig & { model?: string })[], opts: EngineOptions = {}): Map<string, MtEngine> {
  return new Map(configs.map((c) => [c.name, createEngine(c, adapterFor(c), opts)]))
}
