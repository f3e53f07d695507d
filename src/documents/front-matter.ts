/** The translatable values of YAML front matter: top-level `title`, `description`, `summary`, `excerpt` on one line. */
import type { Encoding } from './types.js'

export const FRONT_MATTER_KEYS = ['title', 'description', 'summary', 'excerpt'] as const

export interface FrontMatterValue {
  key: string
  /** The value's bytes in the source, quotes left out. */
  start: number
  end: number
  decoded: string
  enc: Encoding
}

const LINE = /^(title|description|summary|excerpt)[ \t]*:[ \t]+(.*?)[ \t]*$/

/** The values in the front matter `source.slice(from, to)`; keys and every other value stay skeleton. */
export function frontMatterValues(source: string, from: number, to: number): FrontMatterValue[] {
  const out: FrontMatterValue[] = []
  let at = from
  for (const line of source.slice(from, to).split('\n')) {
    const lineStart = at
    at += line.length + 1
    const m = LINE.exec(line.replace(/\r$/, ''))
    if (!m) continue
    const value = m[2] as string
    const valueStart = lineStart + line.indexOf(value, (m[1] as string).length + 1)
    if (value === '' || /^[|>[{&*!%@`#]/.test(value) || / #/.test(value)) continue
    const q = value[0]
    if ((q === '"' || q === "'") && value.length >= 2 && value.endsWith(q)) {
      const inner = value.slice(1, -1)
      let decoded: string
      if (q === "'") decoded = inner.replaceAll("''", "'")
      else {
        try {
          decoded = JSON.parse(value) as string
        } catch {
          continue
        }
      }
      out.push({ key: m[1] as string, start: valueStart + 1, end: valueStart + value.length - 1, decoded, enc: q === '"' ? 'yaml-dq' : 'yaml-sq' })
    } else if (q !== '"' && q !== "'") {
      out.push({ key: m[1] as string, start: valueStart, end: valueStart + value.length, decoded: value, enc: 'yaml' })
    }
  }
  return out
}
