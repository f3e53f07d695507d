import type pg from 'pg'
import { redact } from '../locate.js'
import { migratePg } from '../pg/migrate.js'
import { createPgPool, inTransaction, unreachable } from '../pg/pool.js'
import { canonical, columnOrder } from './canonical.js'
import type { CopySide } from './side.js'
import type { Kind, LogicalTable } from './tables.js'

/** Triggers left on while a copy loads: those that build the memory's own index from its entries. */
const INDEX_TRIGGERS = /^tm_entries_/

/** The array type a column's canonical values travel in, one array per column (unnest). */
const ARRAY_OF: Record<Kind, string> = { text: 'text[]', int: 'int8[]', bool: 'bool[]', time: 'timestamptz[]', json: 'text[]' }

/**
 * A PostgreSQL database as one end of a copy. `create` migrates an existing database that holds
 * no Tolk schema yet; Tolk never runs CREATE DATABASE.
 */
export async function pgCopySide(url: string, opts: { create: boolean }): Promise<CopySide> {
  const pool = createPgPool(url, { max: 2 })
  try {
    await migratePg(pool, url, { mustExist: !opts.create })
  } catch (err) {
    await pool.end().catch(() => {})
    throw unreachable(url, err)
  }
  let loading: pg.PoolClient | undefined
  let reading: pg.PoolClient | undefined
  let disabled: { table: string; trigger: string }[] = []
  const types = new Map<string, Map<string, string>>()

  /** Each column's declared type (`integer`, `jsonb`, `timestamp with time zone`…). */
  const columnTypes = async (table: string): Promise<Map<string, string>> => {
    let found = types.get(table)
    if (!found) {
      const { rows } = await pool.query<{ name: string; type: string }>(
        `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
         WHERE attrelid = to_regclass($1) AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
        [table],
      )
      found = new Map(rows.map((r) => [r.name, r.type]))
      types.set(table, found)
    }
    return found
  }

  const side: CopySide = {
    label: redact(url),
    async columns(table) {
      const cols = await columnTypes(table)
      return cols.size > 0 ? [...cols.keys()] : undefined
    },
    async isEmpty(tables) {
      for (const t of tables) {
        const { rows } = await pool.query(`SELECT 1 FROM ${quote(t.name)} LIMIT 1`)
        if (rows.length > 0) return false
      }
      return true
    },
    async readPage(table, after, limit) {
      const cols = columnOrder(table)
      const kinds = cols.map((c) => table.columns[c] as Kind)
      // JSON as its text: the driver would parse it, and a JSON string value would lose its quotes.
      const list = cols.map((c, i) => (kinds[i] === 'json' ? `${quote(c)}::text` : quote(c))).join(', ')
      // Byte order for text keys, as SQLite's BINARY sorts, whatever a column's own collation:
      // both sides must hand out rows in the same order for their digests to agree.
      const key = table.key.map((k) => (table.columns[k] === 'text' ? `${quote(k)} COLLATE "C"` : quote(k))).join(', ')
      const where = after ? `WHERE (${key}) > (${table.key.map((_, i) => `$${i + 1}`).join(', ')})` : ''
      // In the load's transaction, to verify before commit; else in the read snapshot, if any.
      const { rows } = await (loading ?? reading ?? pool).query({ text: `SELECT ${list} FROM ${quote(table.name)} ${where} ORDER BY ${key} LIMIT ${limit}`, values: after ? [...after] : [], rowMode: 'array' })
      return (rows as unknown[][]).map((row) => row.map((v, i) => canonical(kinds[i] as Kind, v, `${redact(url)} ${table.name}`)))
    },
    async beginRead() {
      // One snapshot for the whole copy: servers may go on writing; the copy is of one moment.
      reading = await pool.connect()
      await reading.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    },
    async endRead() {
      if (!reading) return
      await reading.query('COMMIT').catch(() => {})
      reading.release()
      reading = undefined
    },
    async empty(tables) {
      await inTransaction(pool, async (client) => {
        await client.query(`TRUNCATE ${tables.map((t) => quote(t)).join(', ')} RESTART IDENTITY`)
      })
    },
    async beginLoad(tables) {
      loading = await pool.connect()
      await loading.query('BEGIN')
      const { rows } = await loading.query<{ table: string; trigger: string }>(
        `SELECT c.relname AS table, t.tgname AS trigger FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
         WHERE NOT t.tgisinternal AND c.relname = ANY ($1) AND c.relnamespace = current_schema()::regnamespace ORDER BY 1, 2`,
        [tables.map((t) => t.name)],
      )
      disabled = rows.filter((r) => !INDEX_TRIGGERS.test(r.trigger))
      // Counters come with the copy as they are; the append-only guards would refuse nothing here.
      for (const d of disabled) await loading.query(`ALTER TABLE ${quote(d.table)} DISABLE TRIGGER ${quote(d.trigger)}`)
      // What a new database starts with (the memory's sync position) gives way to the copy's rows.
      for (const t of tables) await loading.query(`DELETE FROM ${quote(t.name)}`)
    },
    async insert(table, rows) {
      if (!loading) throw new Error('insert before beginLoad')
      const cols = columnOrder(table)
      const kinds = cols.map((c) => table.columns[c] as Kind)
      const declared = await columnTypes(table.name)
      const arrays = cols.map((_, i) => rows.map((r) => r[i]))
      const from = cols.map((c, i) => `$${i + 1}::${ARRAY_OF[kinds[i] as Kind]}`).join(', ')
      const casts = cols.map((c) => `x.${quote(c)}::${declared.get(c)}`).join(', ')
      await loading.query(
        `INSERT INTO ${quote(table.name)} (${cols.map(quote).join(', ')}) SELECT ${casts} FROM unnest(${from}) AS x (${cols.map(quote).join(', ')})`,
        arrays,
      )
    },
    async finishLoad(tables) {
      if (!loading) throw new Error('finishLoad before beginLoad')
      // Identity and serial columns go on after the highest copied value.
      for (const t of tables) {
        for (const c of Object.keys(t.columns).filter((c) => t.columns[c] === 'int')) {
          await loading.query(
            `SELECT setval(s::regclass, m) FROM (SELECT pg_get_serial_sequence($1, $2) AS s) q, LATERAL (SELECT max(${quote(c)}) AS m FROM ${quote(t.name)}) x
             WHERE s IS NOT NULL AND m IS NOT NULL`,
            [t.name, c],
          )
        }
      }
      for (const d of disabled) await loading.query(`ALTER TABLE ${quote(d.table)} ENABLE TRIGGER ${quote(d.trigger)}`)
      await loading.query('COMMIT')
      // Statistics for what was just loaded, as PostgreSQL's "Populating a Database" advises
      // ("Run ANALYZE Afterwards"): autovacuum gets to a bulk-loaded database late (on the
      // project's busy machine a copied million units had none after 40 minutes), and until then
      // the planner guesses every table's size. It costs about 4 s for a million units.
      const { rows: all } = await loading.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`)
      if (all.length > 0) await loading.query(`ANALYZE ${all.map((t) => quote(t.name)).join(', ')}`)
      loading.release()
      loading = undefined
      disabled = []
    },
    async abortLoad() {
      if (!loading) return
      await loading.query('ROLLBACK').catch(() => {})
      loading.release()
      loading = undefined
      disabled = []
    },
    async tables() {
      const { rows } = await pool.query<{ name: string }>(
        `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1`,
      )
      return rows.map((r) => r.name)
    },
    async close() {
      await side.endRead()
      await side.abortLoad()
      await pool.end()
    },
  }
  return side
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}
