/**
 * A termbase file as entries ready for the store: TBX, CSV or TSV by its name (or, for any
 * other name, by its first character), languages renamed by `map` (`xx=sv`: translate-toolkit's
 * csv2tbx writes `xx` for the target) and then checked as BCP 47. Pure.
 */
import { InvalidInput } from '../model/errors.js'
import { parseLanguage, printable } from '../model/tags.js'
import { readTermsCsv } from './csv.js'
import { readTbx } from './tbx.js'
import type { EntryInput } from './types.js'

/** The formats terms are read from and written to. */
export type TermsFormat = 'tbx' | 'csv' | 'tsv'

/** The format of a file by its name, else by its text. */
export function termsFormatOf(name: string, text: string): TermsFormat {
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase()
  if (ext === 'tbx' || ext === 'xml') return 'tbx'
  if (ext === 'csv') return 'csv'
  if (ext === 'tsv' || ext === 'tab') return 'tsv'
  if (text.trimStart().startsWith('<')) return 'tbx'
  return text.split('\n', 1)[0]!.includes('\t') ? 'tsv' : 'csv'
}

/** Parse `--map xx=sv,yy=de` (or repeated) into a map; InvalidInput for a pair that is not FROM=TO. */
export function parseLanguageMap(pairs: readonly string[]): Record<string, string> {
  const map: Record<string, string> = {}
  for (const pair of pairs.flatMap((p) => p.split(','))) {
    const m = /^([^=\s]+)=([^=\s]+)$/.exec(pair.trim())
    if (!m) throw new InvalidInput(`--map "${printable(pair)}" is not FROM=TO, such as xx=sv`, 'invalid-language-map')
    map[m[1]!] = parseLanguage(m[2]!)
  }
  return map
}

/** Read a termbase file's entries, with languages mapped and checked. */
export function readTermsFile(text: string, name: string, map: Record<string, string> = {}): EntryInput[] {
  const format = termsFormatOf(name, text)
  const entries = format === 'tbx' ? readTbx(text, name) : readTermsCsv(text, name, format === 'csv' ? ',' : '\t')
  const checked = new Map<string, string>()
  const langOf = (raw: string): string => {
    const known = checked.get(raw)
    if (known) return known
    const mapped = map[raw] ?? raw
    let lang: string
    try {
      lang = parseLanguage(mapped)
    } catch {
      throw new InvalidInput(
        `${name} has terms in "${printable(raw)}", which is not a language tag: map it to one with --map ${printable(raw)}=sv`,
        'unknown-language',
      )
    }
    checked.set(raw, lang)
    return lang
  }
  return entries.map((e) => ({ ...e, terms: e.terms.map((t) => ({ ...t, lang: langOf(t.lang) })) }))
}
