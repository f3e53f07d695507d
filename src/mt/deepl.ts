/**
 * DeepL's API v2 (https://developers.deepl.com/docs/api-reference/translate): `POST /v2/translate`
 * with a JSON body (`text` an array of up to 50, `source_lang`, `target_lang`,
 * `tag_handling: "xml"` so inline tags are kept), the key in `Authorization: DeepL-Auth-Key …`.
 * The host says the plan: api-free.deepl.com or api.deepl.com; the configured URL is used as it is.
 * Documented errors: 403 key, 429 too many requests, 456 quota exceeded, 5xx (./errors.ts).
 */
import { MtError } from './errors.js'
import { expect, fetchJson, join, keepOnSuccess } from './http.js'
import type { EngineAdapter, EngineConfig, LanguagePair } from './types.js'

/** DeepL's source code for a tag: the language alone, upper case (`EN`). */
export function deeplSource(tag: string): string {
  return new Intl.Locale(tag).language.toUpperCase()
}

/** DeepL's target code: the variants it has (`EN-GB`, `EN-US`, `PT-BR`, `PT-PT`, `ZH-HANS`), else the language. */
export function deeplTarget(tag: string): string {
  const l = new Intl.Locale(tag)
  const lang = l.language.toUpperCase()
  if (lang === 'EN') return l.region === 'GB' ? 'EN-GB' : 'EN-US'
  if (lang === 'PT') return l.region === 'BR' ? 'PT-BR' : 'PT-PT'
  if (lang === 'ZH') return l.script === 'Hant' || l.region === 'TW' ? 'ZH-HANT' : 'ZH-HANS'
  return lang
}

/** The DeepL adapter for one configured engine. */
export function deeplAdapter(config: EngineConfig): EngineAdapter {
  const headers = (): Record<string, string> => {
    if (!config.key) throw new MtError(`no key: set TOLK_MT_${config.name.toUpperCase().replace(/\W/g, '_')}_KEY`)
    return { authorization: `DeepL-Auth-Key ${config.key}`, 'content-type': 'application/json' }
  }
  const languages = async (type: string, signal: AbortSignal): Promise<string[]> => {
    const j = await fetchJson(join(config.url, `/v2/languages?type=${type}`), { headers: headers() }, signal, config.key)
    expect(Array.isArray(j), 'languages is not a list')
    return j.map((l: { language?: unknown }) => {
      expect(typeof l?.language === 'string', 'a language without a code')
      return l.language.toLowerCase()
    })
  }
  const pairs = keepOnSuccess((signal) =>
    Promise.all([languages('source', signal), languages('target', signal)]).then(([from, to]) =>
      from.flatMap((f) => to.filter((t) => !t.startsWith(f)).map((t) => ({ from: f, to: t }))),
    ),
  )
  return {
    kind: 'deepl',
    codes: 'xml',
    groupSize: 50,
    pairs,
    async translate({ from, to, texts, signal }) {
      const served = await pairs(signal)
      const [src, tgt] = [deeplSource(from).toLowerCase(), deeplTarget(to).toLowerCase()]
      if (!served.some((p) => p.from === src && (p.to === tgt || p.to === tgt.split('-')[0]))) {
        throw new MtError(`no ${from} → ${to} pair`)
      }
      const body = JSON.stringify({ text: texts, source_lang: deeplSource(from), target_lang: deeplTarget(to), tag_handling: 'xml' })
      const j = (await fetchJson(join(config.url, '/v2/translate'), { method: 'POST', headers: headers(), body }, signal, config.key)) as {
        translations?: { text?: unknown }[]
      }
      expect(Array.isArray(j.translations), 'no translations')
      return j.translations.map((t) => {
        expect(typeof t?.text === 'string', 'a translation without text')
        return t.text
      })
    },
  }
}
