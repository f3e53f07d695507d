/**
 * Terms as CSV or TSV: a header row of language tags (`en,sv`), each optionally followed by its
 * own `sv:status`, `sv:pos`, `sv:case` (yes for case-sensitive) and `sv:note` columns, and a `note` column for the concept. A
 * language may come twice (`sv,sv:status,sv,sv:status`) for two terms; a `sv:…` column belongs
 * to the nearest `sv` on its left. One row is one entry; an empty cell is no term. Pure.
 */
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import { InvalidInput } from '../model/errors.js'
import { printable } from '../model/tags.js'
import type { EntryInput, PartOfSpeech, TermEntry, TermInput, TermStatus } from './types.js'

type Column = { kind: 'term'; lang: string } | { kind: 'status' | 'pos' | 'case' | 'termNote'; slot: number } | { kind: 'note' }
const FIELDS = { status: 'status', pos: 'pos', case: 'case', note: 'termNote' } as const

/** Read CSV (`delimiter` ',') or TSV ('\t'); languages are as written: the caller maps and checks them. */
export function readTermsCsv(text: string, name: string, delimiter: ',' | '\t'): EntryInput[] {
  let rows: string[][]
  try {
    rows = parse(text, { delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, ...(delimiter === '\t' ? { quote: false } : {}) })
  } catch (e) {
    throw new InvalidInput(`${name}: ${(e as Error).message}`, 'malformed-csv')
  }
  const [header, ...body] = rows
  if (!header) throw new InvalidInput(`${name} is empty: write a header row of language tags such as en,sv`, 'malformed-csv')
  const columns = readHeader(header, name)
  return body.map((row, r) => {
    const slots: TermInput[] = []
    const slotOf = new Map<number, TermInput | undefined>()
    const entry: EntryInput = { terms: [] }
    columns.forEach((col, i) => {
      const cell = (row[i] ?? '').trim()
      if (col.kind === 'term') {
        const term = cell === '' ? undefined : { lang: col.lang, text: cell }
        slotOf.set(i, term)
        if (term) slots.push(term)
      } else if (col.kind === 'note') {
        if (cell !== '') entry.note = cell
      } else if (cell !== '') {
        const term = slotOf.get(col.slot)
        if (!term) return // a status for a term the row does not have
        if (col.kind === 'status') term.status = cell.toLowerCase() as TermStatus
        else if (col.kind === 'pos') term.pos = cell as PartOfSpeech
        else if (col.kind === 'termNote') term.note = cell
        else term.caseSensitive = /^(yes|true|1|sensitive)$/i.test(cell)
      }
    })
    entry.terms = slots
    if (slots.length === 0) throw new InvalidInput(`${name}: row ${r + 2} has no term`, 'malformed-csv')
    return entry
  })
}

function readHeader(header: string[], name: string): Column[] {
  const lastSlot = new Map<string, number>()
  return header.map((raw, i): Column => {
    const cell = raw.trim()
    if (cell.toLowerCase() === 'note') return { kind: 'note' }
    const m = /^([^:]+):(status|pos|case|note)$/i.exec(cell)
    if (m) {
      const slot = lastSlot.get(m[1]!)
      if (slot === undefined) throw new InvalidInput(`${name}: the column "${printable(cell)}" comes before any ${printable(m[1]!)} column`, 'malformed-csv')
      return { kind: FIELDS[m[2]!.toLowerCase() as keyof typeof FIELDS], slot }
    }
    if (cell === '' || /[:\s]/.test(cell)) {
      throw new InvalidInput(`${name}: header column ${i + 1} "${printable(cell)}" is not a language tag (write en, sv, sv:status, sv:pos or note)`, 'malformed-csv')
    }
    lastSlot.set(cell, i)
    return { kind: 'term', lang: cell }
  })
}

/** Write entries as CSV: languages in `langs` order, as many columns for one as an entry needs. */
export function writeTermsCsv(entries: readonly TermEntry[], langs: readonly string[]): string {
  const width = new Map(langs.map((l) => [l, 0]))
  for (const e of entries) {
    for (const l of langs) width.set(l, Math.max(width.get(l)!, e.terms.filter((t) => t.lang === l).length))
  }
  const header: string[] = []
  for (const l of langs) for (let k = 0; k < Math.max(1, width.get(l)!); k++) header.push(l, `${l}:status`, `${l}:pos`, `${l}:case`, `${l}:note`)
  header.push('note')
  const rows = entries.map((e) => {
    const row: string[] = []
    for (const l of langs) {
      const terms = e.terms.filter((t) => t.lang === l)
      for (let k = 0; k < Math.max(1, width.get(l)!); k++) {
        const t = terms[k]
        row.push(t?.text ?? '', t ? t.status : '', t?.pos ?? '', t?.caseSensitive ? 'yes' : '', t?.note ?? '')
      }
    }
    row.push(e.note ?? '')
    return row
  })
  return stringify([header, ...rows])
}
