/**
 * LibreTranslate (https://github.com/LibreTranslate/LibreTranslate#api-examples, and its API
 * docs at https://libretranslate.com/docs):
 * `POST /translate` with JSON `{q, source, target, format, api_key}`; `q` may be a list, and
 * then `translatedText` is one too. `format: "html"` keeps inline tags. `GET /languages` lists
 * each language with its `targets`. Errors: 400, 403 (key), 429 (slow down), 500 with `error`.
 */
import { MtError } from './errors.js'
import { expect, fetchJson, join, keepOnSuccess } from './http.js'
import type { EngineAdapter, EngineConfig, LanguagePair } from './types.js'

interface Language {
  code?: unknown
  targets?: unknown
}

/** The LibreTranslate adapter for one configured engine. */
export function libretranslateAdapter(config: EngineConfig): EngineAdapter {
  const languages = keepOnSuccess((signal) =>
    fetchJson(join(config.url, '/languages'), {}, signal).then((j) => {
      expect(Array.isArray(j), 'languages is not a list')
      return j as Language[]
    }),
  )
  // LibreTranslate names most languages by ISO 639-1 and a few by a full tag (zh-Hans, pt-BR).
  const codeFor = (tag: string, codes: Set<string>) =>
    [tag, new Intl.Locale(tag).language].find((c) => codes.has(c.toLowerCase()))?.toLowerCase()
  return {
    kind: 'libretranslate',
    codes: 'xml',
    groupSize: 25,
    async pairs(signal): Promise<LanguagePair[]> {
      return (await languages(signal)).flatMap((l) =>
        typeof l.code === 'string' && Array.isArray(l.targets)
          ? l.targets.filter((t): t is string => typeof t === 'string' && t !== l.code).map((t) => ({ from: l.code as string, to: t }))
          : [],
      )
    },
    async translate({ from, to, texts, signal }) {
      const codes = new Set((await this.pairs(signal)).flatMap((p) => [p.from.toLowerCase(), p.to.toLowerCase()]))
      const source = codeFor(from, codes)
      const target = codeFor(to, codes)
      if (!source || !target) throw new MtError(`no ${from} → ${to} pair`)
      const body = JSON.stringify({ q: texts, source, target, format: 'html', ...(config.key ? { api_key: config.key } : {}) })
      const j = (await fetchJson(join(config.url, '/translate'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      }, signal, config.key)) as { translatedText?: unknown }
      const t = j.translatedText
      expect(Array.isArray(t) && t.every((x) => typeof x === 'string'), 'translatedText is not a list of texts')
      return t as string[]
    },
  }
}
