import type Database from 'better-sqlite3'
import { parseTag } from '../../model/tags.js'
import { checkEntry } from '../../terms/check-entry.js'
import type { EntryInput, EntryQuery, Term, TermEntry, Termbase, TermStore } from '../../terms/types.js'
import { checkUses, entryConflict, entryQuery, unknownEntry } from '../../terms/store-rules.js'

interface EntryRow { id: number; tag: string; note: string | null; version: number; updated_at: string; updated_by: string }
interface TermRow { entry_id: number; lang: string; text: string; status: Term['status']; pos: Term['pos'] | null; note: string | null; case_sensitive: number }

/** Termbases on SQLite (schema 22: termbases, termbase_uses, term_entries, terms). */
export function createSqliteTerms(db: Database.Database, now: () => string): TermStore {
  // SQLite's lower() folds ASCII only: `ÄLV` must find `älv`.
  db.function('tolk_lower', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? s.toLowerCase() : s) as string)
  const ensure = db.prepare<[string]>('INSERT INTO termbases (tag) VALUES (?) ON CONFLICT DO NOTHING')
  const usesOf = db.prepare<[string], { uses: string }>('SELECT uses FROM termbase_uses WHERE tag = ? ORDER BY position').pluck()
  const countOf = db.prepare<[string], number>('SELECT count(*) FROM term_entries WHERE tag = ?').pluck()
  const exists = db.prepare<[string], number>('SELECT 1 FROM termbases WHERE tag = ?').pluck()
  const allTags = db.prepare<[], string>('SELECT tag FROM termbases ORDER BY tag').pluck()
  const clearUses = db.prepare<[string]>('DELETE FROM termbase_uses WHERE tag = ?')
  const addUse = db.prepare<[string, number, string]>('INSERT INTO termbase_uses (tag, position, uses) VALUES (?, ?, ?)')
  const insertEntry = db.prepare<[string, string | null, string, string], EntryRow>(
    'INSERT INTO term_entries (tag, note, updated_at, updated_by) VALUES (?, ?, ?, ?) RETURNING *',
  )
  const insertTerm = db.prepare<[number, number, string, string, string, string | null, string | null, number]>(
    'INSERT INTO terms (entry_id, position, lang, text, status, pos, note, case_sensitive) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const clearTerms = db.prepare<[number]>('DELETE FROM terms WHERE entry_id = ?')
  const entryById = db.prepare<[number, string], EntryRow>('SELECT * FROM term_entries WHERE id = ? AND tag = ?')
  const bumpEntry = db.prepare<[string | null, string, string, number], EntryRow>(
    'UPDATE term_entries SET note = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? RETURNING *',
  )
  const removeEntry = db.prepare<[number]>('DELETE FROM term_entries WHERE id = ?')
  const termsOf = db.prepare<[number], TermRow>('SELECT * FROM terms WHERE entry_id = ? ORDER BY position')
  const entriesOf = db.prepare<[string], EntryRow>('SELECT * FROM term_entries WHERE tag = ? ORDER BY id')
  const termsOfTag = db.prepare<[string], TermRow>(
    'SELECT t.* FROM terms t JOIN term_entries e ON e.id = t.entry_id WHERE e.tag = ? ORDER BY t.entry_id, t.position',
  )
  const search = db.prepare<[{ tag: string; after: number; text: string | null; lang: string | null; limit: number }], EntryRow>(`
    SELECT * FROM term_entries e WHERE e.tag = :tag AND e.id > :after
      AND ((:text IS NULL AND :lang IS NULL) OR EXISTS (SELECT 1 FROM terms t WHERE t.entry_id = e.id
        AND (:text IS NULL OR instr(tolk_lower(t.text), tolk_lower(:text)) > 0) AND (:lang IS NULL OR t.lang = :lang)))
    ORDER BY e.id LIMIT :limit`)

  const termbase = (tag: string): Termbase => ({ tag, uses: usesOf.all(tag) as unknown as string[], entries: countOf.get(tag) ?? 0 })
  const toEntry = (row: EntryRow, terms: TermRow[]): TermEntry => {
    const entry: TermEntry = {
      id: row.id, tag: row.tag, terms: terms.map(toTerm), version: row.version, updatedAt: row.updated_at, updatedBy: row.updated_by,
    }
    if (row.note !== null) entry.note = row.note
    return entry
  }
  const writeTerms = (id: number, terms: Term[]) =>
    terms.forEach((t, i) => insertTerm.run(id, i, t.lang, t.text, t.status, t.pos ?? null, t.note ?? null, t.caseSensitive ? 1 : 0))
  const add = (tag: string, input: EntryInput, by: string, which?: string): TermEntry => {
    const checked = checkEntry(input, which)
    ensure.run(tag)
    const row = insertEntry.get(tag, checked.note ?? null, now(), by)!
    writeTerms(row.id, checked.terms)
    return toEntry(row, termsOf.all(row.id))
  }
  const current = (tag: string, id: number, ifVersion: number | undefined): EntryRow => {
    const row = entryById.get(id, tag)
    if (!row) throw unknownEntry(tag, id)
    if (ifVersion !== undefined && row.version !== ifVersion) throw entryConflict(row.version, ifVersion)
    return row
  }
  const entriesWithTerms = (tag: string): TermEntry[] => {
    const byEntry = new Map<number, TermRow[]>()
    for (const t of termsOfTag.all(tag)) byEntry.set(t.entry_id, [...(byEntry.get(t.entry_id) ?? []), t])
    return entriesOf.all(tag).map((row) => toEntry(row, byEntry.get(row.id) ?? []))
  }

  return {
    async list() {
      return allTags.all().map(termbase)
    },
    async get(tagInput) {
      const tag = parseTag(tagInput).tag
      return exists.get(tag) ? termbase(tag) : undefined
    },
    async setUses(tagInput, usesInput) {
      const tag = parseTag(tagInput).tag
      const uses = checkUses(tag, usesInput)
      db.transaction(() => {
        ensure.run(tag)
        clearUses.run(tag)
        uses.forEach((u, i) => addUse.run(tag, i, u))
      }).immediate()
      return termbase(tag)
    },
    async addEntry(tagInput, input, { by }) {
      const tag = parseTag(tagInput).tag
      return db.transaction(() => add(tag, input, by)).immediate()
    },
    async addEntries(tagInput, inputs, { by }) {
      const tag = parseTag(tagInput).tag
      db.transaction(() => {
        inputs.forEach((input, i) => add(tag, input, by, `entry ${i + 1}`))
      }).immediate()
      return inputs.length
    },
    async getEntry(tagInput, id) {
      const tag = parseTag(tagInput).tag
      const row = entryById.get(id, tag)
      return row ? toEntry(row, termsOf.all(id)) : undefined
    },
    async updateEntry(tagInput, id, input, { by, ifVersion }) {
      const tag = parseTag(tagInput).tag
      const checked = checkEntry(input)
      return db.transaction(() => {
        current(tag, id, ifVersion)
        const row = bumpEntry.get(checked.note ?? null, now(), by, id)!
        clearTerms.run(id)
        writeTerms(id, checked.terms)
        return toEntry(row, termsOf.all(id))
      }).immediate()
    },
    async deleteEntry(tagInput, id, opts = {}) {
      const tag = parseTag(tagInput).tag
      db.transaction(() => {
        current(tag, id, opts.ifVersion)
        removeEntry.run(id)
      }).immediate()
    },
    async listEntries(tagInput, query: EntryQuery = {}) {
      const tag = parseTag(tagInput).tag
      const q = entryQuery(query)
      const rows = search.all({ tag, after: q.after, text: q.text, lang: q.lang, limit: q.limit })
      return rows.map((row) => toEntry(row, termsOf.all(row.id)))
    },
    async resolve(tagInput) {
      const tag = parseTag(tagInput).tag
      const order: string[] = []
      const visit = (t: string) => {
        if (order.includes(t)) return
        order.push(t)
        for (const u of usesOf.all(t) as unknown as string[]) visit(u)
      }
      visit(tag)
      return order.flatMap(entriesWithTerms)
    },
  }
}

function toTerm(row: TermRow): Term {
  const term: Term = { lang: row.lang, text: row.text, status: row.status, caseSensitive: row.case_sensitive === 1 }
  if (row.pos !== null) term.pos = row.pos
  if (row.note !== null) term.note = row.note
  return term
}
