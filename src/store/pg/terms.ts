import type pg from 'pg'
import { parseTag } from '../../model/tags.js'
import { checkEntry } from '../../terms/check-entry.js'
import { checkUses, entryConflict, entryQuery, unknownEntry } from '../../terms/store-rules.js'
import type { EntryInput, Term, TermEntry, Termbase, TermStore } from '../../terms/types.js'
import { rows, row, transaction, type Db } from './db.js'

interface EntryRow { id: number; tag: string; note: string | null; version: number; updated_at: string; updated_by: string }
interface TermRow { entry_id: number; lang: string; text: string; status: Term['status']; pos: Term['pos'] | null; note: string | null; case_sensitive: boolean }

const ENTRY_COLUMNS = 'id, tag, note, version, updated_at, updated_by'

/** Termbases on PostgreSQL (schema 4), as on SQLite (src/store/sqlite/terms.ts). */
export function createPgTerms(pool: pg.Pool, now: () => string): TermStore {
  const termbase = async (db: Db, tag: string): Promise<Termbase> => {
    const uses = await rows<{ uses: string }>(db, 'SELECT uses FROM termbase_uses WHERE tag = $1 ORDER BY position', [tag])
    const n = await row<{ n: number }>(db, 'SELECT count(*)::int AS n FROM term_entries WHERE tag = $1', [tag])
    return { tag, uses: uses.map((u) => u.uses), entries: n?.n ?? 0 }
  }
  const withTerms = async (db: Db, entries: EntryRow[]): Promise<TermEntry[]> => {
    if (entries.length === 0) return []
    const terms = await rows<TermRow>(db, 'SELECT * FROM terms WHERE entry_id = ANY($1::bigint[]) ORDER BY entry_id, position', [entries.map((e) => e.id)])
    const byEntry = new Map<number, TermRow[]>()
    for (const t of terms) byEntry.set(t.entry_id, [...(byEntry.get(t.entry_id) ?? []), t])
    return entries.map((e) => toEntry(e, byEntry.get(e.id) ?? []))
  }
  const writeTerms = (db: Db, id: number, terms: Term[]) =>
    db.query(
      `INSERT INTO terms (entry_id, position, lang, text, status, pos, note, case_sensitive)
       SELECT $1, t.k - 1, t.lang, t.text, t.status, t.pos, t.note, t.cs
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[]) WITH ORDINALITY t (lang, text, status, pos, note, cs, k)`,
      [id, terms.map((t) => t.lang), terms.map((t) => t.text), terms.map((t) => t.status), terms.map((t) => t.pos ?? null),
        terms.map((t) => t.note ?? null), terms.map((t) => t.caseSensitive)],
    )
  const add = async (db: Db, tag: string, input: EntryInput, by: string, which?: string): Promise<TermEntry> => {
    const checked = checkEntry(input, which)
    await db.query('INSERT INTO termbases (tag) VALUES ($1) ON CONFLICT DO NOTHING', [tag])
    const e = (await row<EntryRow>(db, `INSERT INTO term_entries (tag, note, updated_at, updated_by) VALUES ($1, $2, $3, $4) RETURNING ${ENTRY_COLUMNS}`, [
      tag, checked.note ?? null, now(), by,
    ]))!
    await writeTerms(db, e.id, checked.terms)
    return (await withTerms(db, [e]))[0]!
  }
  const current = async (db: Db, tag: string, id: number, ifVersion: number | undefined): Promise<EntryRow> => {
    const e = await row<EntryRow>(db, `SELECT ${ENTRY_COLUMNS} FROM term_entries WHERE id = $1 AND tag = $2 FOR UPDATE`, [id, tag])
    if (!e) throw unknownEntry(tag, id)
    if (ifVersion !== undefined && e.version !== ifVersion) throw entryConflict(e.version, ifVersion)
    return e
  }
  const safeId = (id: number) => (Number.isSafeInteger(id) && id > 0 && id < 2 ** 53 ? id : 0)

  return {
    async list() {
      const tags = await rows<{ tag: string }>(pool, 'SELECT tag FROM termbases ORDER BY tag COLLATE "C"')
      return Promise.all(tags.map((t) => termbase(pool, t.tag)))
    },
    async get(tagInput) {
      const tag = parseTag(tagInput).tag
      return (await row(pool, 'SELECT 1 FROM termbases WHERE tag = $1', [tag])) ? termbase(pool, tag) : undefined
    },
    async setUses(tagInput, usesInput) {
      const tag = parseTag(tagInput).tag
      const uses = checkUses(tag, usesInput)
      return transaction(pool, async (db) => {
        await db.query('INSERT INTO termbases (tag) VALUES ($1) ON CONFLICT DO NOTHING', [tag])
        await db.query('DELETE FROM termbase_uses WHERE tag = $1', [tag])
        await db.query('INSERT INTO termbase_uses (tag, position, uses) SELECT $1, k - 1, u FROM unnest($2::text[]) WITH ORDINALITY x (u, k)', [tag, uses])
        return termbase(db, tag)
      })
    },
    async addEntry(tagInput, input, { by }) {
      const tag = parseTag(tagInput).tag
      checkEntry(input)
      return transaction(pool, (db) => add(db, tag, input, by))
    },
    async addEntries(tagInput, inputs, { by }) {
      const tag = parseTag(tagInput).tag
      inputs.forEach((input, i) => checkEntry(input, `entry ${i + 1}`))
      await transaction(pool, async (db) => {
        for (const [i, input] of inputs.entries()) await add(db, tag, input, by, `entry ${i + 1}`)
      })
      return inputs.length
    },
    async getEntry(tagInput, id) {
      const tag = parseTag(tagInput).tag
      const e = await row<EntryRow>(pool, `SELECT ${ENTRY_COLUMNS} FROM term_entries WHERE id = $1 AND tag = $2`, [safeId(id), tag])
      return e ? (await withTerms(pool, [e]))[0] : undefined
    },
    async updateEntry(tagInput, id, input, { by, ifVersion }) {
      const tag = parseTag(tagInput).tag
      const checked = checkEntry(input)
      return transaction(pool, async (db) => {
        await current(db, tag, safeId(id), ifVersion)
        const e = (await row<EntryRow>(db, `UPDATE term_entries SET note = $1, version = version + 1, updated_at = $2, updated_by = $3 WHERE id = $4 RETURNING ${ENTRY_COLUMNS}`, [
          checked.note ?? null, now(), by, id,
        ]))!
        await db.query('DELETE FROM terms WHERE entry_id = $1', [id])
        await writeTerms(db, id, checked.terms)
        return (await withTerms(db, [e]))[0]!
      })
    },
    async deleteEntry(tagInput, id, opts = {}) {
      const tag = parseTag(tagInput).tag
      await transaction(pool, async (db) => {
        await current(db, tag, safeId(id), opts.ifVersion)
        await db.query('DELETE FROM term_entries WHERE id = $1', [id])
      })
    },
    async listEntries(tagInput, query = {}) {
      const tag = parseTag(tagInput).tag
      const q = entryQuery(query)
      const found = await rows<EntryRow>(pool, `
        SELECT ${ENTRY_COLUMNS} FROM term_entries e WHERE e.tag = $1 AND e.id > $2
          AND (($3::text IS NULL AND $4::text IS NULL) OR EXISTS (SELECT 1 FROM terms t WHERE t.entry_id = e.id
            AND ($3::text IS NULL OR strpos(lower(t.text), lower($3::text)) > 0) AND ($4::text IS NULL OR t.lang = $4::text)))
        ORDER BY e.id LIMIT $5`, [tag, Math.min(q.after, 2 ** 53), q.text, q.lang, q.limit])
      return withTerms(pool, found)
    },
    async resolve(tagInput) {
      const tag = parseTag(tagInput).tag
      const order: string[] = []
      const visit = async (t: string) => {
        if (order.includes(t)) return
        order.push(t)
        for (const u of await rows<{ uses: string }>(pool, 'SELECT uses FROM termbase_uses WHERE tag = $1 ORDER BY position', [t])) await visit(u.uses)
      }
      await visit(tag)
      const all = await rows<EntryRow & { k: number }>(pool, `
        SELECT ${ENTRY_COLUMNS.split(', ').map((c) => `e.${c}`).join(', ')}, o.k FROM unnest($1::text[]) WITH ORDINALITY o (tag, k)
        JOIN term_entries e ON e.tag = o.tag ORDER BY o.k, e.id`, [order])
      return withTerms(pool, all)
    },
  }
}

function toEntry(row: EntryRow, terms: TermRow[]): TermEntry {
  const entry: TermEntry = {
    id: row.id, tag: row.tag, terms: terms.map(toTerm), version: row.version, updatedAt: row.updated_at, updatedBy: row.updated_by,
  }
  if (row.note !== null) entry.note = row.note
  return entry
}

function toTerm(row: TermRow): Term {
  const term: Term = { lang: row.lang, text: row.text, status: row.status, caseSensitive: row.case_sensitive }
  if (row.pos !== null) term.pos = row.pos
  if (row.note !== null) term.note = row.note
  return term
}
