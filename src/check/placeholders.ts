/**
 * The parts of an i18next string that must survive translation: `{{variable}}` interpolations
 * (also `{{variable, format}}` and the unescaped `{{- variable}}`) and `$t(key)` nestings.
 */

/** Variable names in `{{…}}`, in order of first appearance, without duplicates; null when none. */
export function interpolations(text: string): string[] | null {
  let at = text.indexOf('{{')
  if (at === -1) return null
  const names: string[] = []
  while (at !== -1) {
    const end = text.indexOf('}}', at + 2)
    if (end === -1) break
    let inner = text.slice(at + 2, end)
    // `{{- name}}` is i18next's unescaped form; `{{name, number}}` carries a format after a comma.
    const comma = inner.indexOf(',')
    if (comma !== -1) inner = inner.slice(0, comma)
    inner = inner.trim()
    if (inner.startsWith('-')) inner = inner.slice(1).trim()
    if (inner !== '' && !names.includes(inner)) names.push(inner)
    at = text.indexOf('{{', end + 2)
  }
  return names.length > 0 ? names : null
}

/** The text with each `{{…}}` (formatter included) made a space: what counts as words. */
export function withoutInterpolations(text: string): string {
  return text.indexOf('{{') === -1 ? text : text.replace(INTERPOLATION, ' ')
}

const INTERPOLATION = /\{\{.*?\}\}/g

/** Keys referenced by `$t(key)` or `$t(key, {options})`, without duplicates; null when none. */
export function nestings(text: string): string[] | null {
  let at = text.indexOf('$t(')
  if (at === -1) return null
  const keys: string[] = []
  while (at !== -1) {
    let end = at + 3
    while (end < text.length && text[end] !== ',' && text[end] !== ')') end++
    const key = text.slice(at + 3, end).trim()
    if (key !== '' && !keys.includes(key)) keys.push(key)
    at = text.indexOf('$t(', end)
  }
  return keys.length > 0 ? keys : null
}

/** What a target lacks and what it adds, compared with the source's list. */
export interface Difference {
  missing: string[]
  unknown: string[]
}

/**
 * Compare a source list with a target's. `mayDrop` names source variables the target may leave
 * out (`count` in a plural form: "one file" needs no number).
 */
export function difference(source: readonly string[] | null, target: readonly string[] | null, mayDrop?: string): Difference | null {
  const missing = source ? source.filter((v) => v !== mayDrop && !target?.includes(v)) : []
  const unknown = target ? target.filter((v) => !source?.includes(v)) : []
  return missing.length > 0 || unknown.length > 0 ? { missing, unknown } : null
}

/** The message of a placeholder problem: `greeting lacks {{name}} and has {{nam}}, unknown to the source`. */
export function placeholderMessage(key: string, d: Difference): string {
  const parts = [
    d.missing.length > 0 ? `lacks ${d.missing.map((m) => `{{${m}}}`).join(', ')}` : '',
    d.unknown.length > 0 ? `has ${d.unknown.map((m) => `{{${m}}}`).join(', ')}, unknown to the source` : '',
  ].filter(Boolean)
  return `${key} ${parts.join(' and ')}`
}
