/**
 * Machine translation engines behind one small interface. An engine adapter only speaks its
 * HTTP API (one request for a group of texts); batching, the concurrency limit, deadlines and
 * per-text failures are the runner's (./runner.ts), the same for every engine.
 */

/** The engine kinds Tolk can speak to. */
export const ENGINE_KINDS = ['apertium', 'deepl', 'libretranslate', 'openai'] as const

/** One of {@link ENGINE_KINDS}. */
export type EngineKind = (typeof ENGINE_KINDS)[number]

/**
 * How an engine carries inline codes: `xml` keeps `<g id="1">…</g>` and `<x id="2"/>` (APy's
 * HTML mode, DeepL's tag_handling=xml), `placeholders` keeps the `⟦1⟧` markers as opaque tokens
 * (asked to in a prompt, or left alone by chance), `none` loses them (the reply is repaired).
 */
export type CodeCarriage = 'xml' | 'placeholders' | 'none'

/** A language pair an engine serves, as BCP 47 tags. */
export interface LanguagePair {
  from: string
  to: string
}

/** One engine's configuration: a name (unique), a kind, where it answers, and its key if any. */
export interface EngineConfig {
  name: string
  kind: EngineKind
  url: string
  /** From `TOLK_MT_<NAME>_KEY` only; never logged, never answered. */
  key?: string
}

/** What an adapter is handed: one group of texts already in the engine's markup. */
export interface AdapterRequest {
  from: string
  to: string
  texts: string[]
  signal: AbortSignal
}

/** One engine's HTTP API: the adapter. */
export interface EngineAdapter {
  readonly kind: EngineKind
  readonly codes: CodeCarriage
  /** Most texts one request may carry (1 where the API takes one text). */
  readonly groupSize: number
  /** Translate a group; one text back per text in, in order, or throw an MtError. */
  translate(req: AdapterRequest): Promise<string[]>
  /** The pairs it serves (BCP 47); throws an MtError when it cannot say. */
  pairs(signal: AbortSignal): Promise<LanguagePair[]>
}

/** One text's outcome: the translation, or why there is none. */
export type MtOutcome =
  | {
      ok: true
      text: string
      cached?: boolean
      /** The reply lost or broke inline codes and they were put back around the text (./codes.ts). */
      repaired?: boolean
    }
  | { ok: false; reason: string }

/** A configured engine as the rest of Tolk sees it. */
export interface MtEngine {
  readonly name: string
  readonly kind: EngineKind
  readonly codes: CodeCarriage
  /**
   * Translate texts from → to. Never throws for an engine failure: each text gets its outcome.
   * Stops at `deadline` (ms since the epoch) or when `signal` aborts.
   */
  translate(from: string, to: string, texts: string[], opts?: { signal?: AbortSignal; deadline?: number }): Promise<MtOutcome[]>
  /** The pairs it serves. */
  pairs(opts?: { signal?: AbortSignal }): Promise<LanguagePair[]>
}
