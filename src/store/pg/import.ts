import type pg from 'pg'
import { alignUnits } from '../../align/align-units.js'
import type { CodeData } from '../../codes/types.js'
import { fitOldTranslation, type TextUnit, textUnitsAsDocument } from '../../documents/from-text.js'
import { Archived } from '../../model/errors.js'
import { plural } from '../../model/plural.js'
import type { Warning } from '../../model/unit.js'
import { NotAnArticle } from '../sqlite/import.js'
import { sourceHash } from '../sqlite/source-hash.js'
import { type CheckedImport, checkTargets, validateImport } from '../sqlite/validate-import.js'
import type { ImportInput, ImportSummary } from '../types.js'
import { type Db, row, rows, transaction } from './db.js'
import { type PgArticleRow, type PgTranslationRow, type PgUnitRow, toUnit } from './rows.js'

/** What an import has read and decided before it writes: the alignment of old and new units. */
interface Plan {
  checked: CheckedImport
  existing: PgArticleRow | undefined
  rows: PgUnitRow[]
  aligned: ReturnType<typeof alignUnits>
  /**
   * A text article re-imported as a document: each stored unit's text as the document would have
   * it (no block mark, inline Markdown as codes), by unit id; null otherwise.
   */
  unmarked: Map<string, string> | null
  targetsJson: string
  langConfirmed: boolean
  warnings: Warning[]
  same: boolean
}

/**
 * The importer of the PostgreSQL store, the SQLite importer's twin (src/store/sqlite/import.ts):
 * the same validation, alignment and decisions. A write is one transaction that first takes an
 * advisory lock on the article's id (imports of one article, from any server, run one at a time;
 * others go on), then reads and aligns, then writes the units in one statement each way.
 */
export function createPgImporter(pool: pg.Pool, now: () => string) {
  const plan = async (db: Db, input: ImportInput, checked = validateImport(input)): Promise<Plan> => {
    const existing = await row<PgArticleRow & { archived: boolean; is_set: boolean }>(
      db,
      `SELECT a.*, EXISTS (SELECT 1 FROM archived_articles x WHERE x.article_id = a.id) AS archived,
         EXISTS (SELECT 1 FROM resource_sets s WHERE s.article_id = a.id) AS is_set
       FROM articles a WHERE a.id = $1`,
      [checked.id],
    )
    // Archived: the id stays taken until a restore; an import must not revive it half.
    if (existing?.archived) throw new Archived(checked.id, 'import')
    // Its units are i18next keys, not sentences of a text: segmenting one over them would lose them.
    if (existing?.is_set) throw new NotAnArticle(checked.id, existing.lang, existing.targets, checked.targets)
    const storedTargets = existing?.targets ?? []
    const targets = checked.targets ?? storedTargets
    checkTargets(checked.lang, targets)
    const warnings: Warning[] = []
    if (existing && checked.targets) {
      const dropped = storedTargets.filter((t) => !targets.includes(t))
      const counts = dropped.length === 0 ? [] : await rows<{ lang: string; n: number }>(
        db,
        'SELECT lang, count(*) AS n FROM translations WHERE article_id = $1 AND lang = ANY($2::text[]) GROUP BY lang',
        [checked.id, dropped],
      )
      for (const t of dropped) {
        const n = counts.find((c) => c.lang === t)?.n ?? 0
        if (n > 0) {
          warnings.push({
            code: 'target-dropped',
            message: `${t} is no longer a target of ${checked.id}; its ${n} ${plural(n, 'translation')} ${n === 1 ? 'is' : 'are'} kept`,
          })
        }
      }
    }
    const stored = existing
      ? await rows<PgUnitRow>(db, 'SELECT * FROM units WHERE article_id = $1 ORDER BY obsolete, position', [checked.id])
      : []
    const fresh = input.segmented.units
    // A text article re-imported as a document: its units lost their block marks (`# `, `- `)
    // and their inline Markdown became codes, which must not make them new or stale.
    const unmark = existing !== undefined && existing.format === 'text' && checked.format !== 'text'
    const units = stored.map((r) => toUnit(r, existing ?? checked))
    let unmarked: Map<string, string> | null = null
    if (unmark) {
      const as = textUnitsAsDocument(units, fresh, input.skeleton)
      unmarked = new Map(units.map((u, i) => [u.id, as[i]!]))
      units.forEach((u, i) => (u.source = as[i]!))
    }
    const aligned = alignUnits(units, fresh)
    const targetsJson = JSON.stringify(targets)
    const langConfirmed = input.langConfirmed ?? existing?.lang_confirmed ?? false
    const same =
      existing !== undefined &&
      aligned.unchanged &&
      existing.title === checked.title &&
      existing.tag === checked.tag &&
      existing.lang === checked.lang &&
      existing.source === checked.source &&
      existing.lead === checked.lead &&
      existing.format === checked.format &&
      (existing.skeleton === null ? null : JSON.stringify(existing.skeleton)) === checked.skeleton &&
      JSON.stringify(existing.targets) === targetsJson &&
      existing.lang_confirmed === langConfirmed
    return { checked, existing, rows: stored, aligned, unmarked, targetsJson, langConfirmed, warnings, same }
  }

  const summaryOf = (p: Plan, revision: number, written: boolean): ImportSummary => ({
    article: p.checked.id,
    revision,
    written,
    units: p.aligned.counts,
    warnings: p.warnings,
  })

  const apply = async (db: pg.PoolClient, input: ImportInput, p: Plan): Promise<ImportSummary> => {
    const { checked, existing, aligned, unmarked } = p
    if (p.same && existing) return summaryOf(p, existing.revision, false)
    const revision = (existing?.revision ?? 0) + 1
    const fresh = input.segmented.units
    const byId = new Map(p.rows.map((r) => [r.id, r]))
    const at = now()
    let liveWords = 0
    for (const u of fresh) liveWords += u.words
    await db.query(
      `INSERT INTO articles (id, tag, lang, title, source, lead, revision, targets, live_units, live_words,
         created_at, updated_at, lang_confirmed, format, skeleton)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $11, $12, $13, $14::json)
       ON CONFLICT (id) DO UPDATE SET tag = excluded.tag, lang = excluded.lang,
         lang_confirmed = excluded.lang_confirmed, title = excluded.title, source = excluded.source,
         lead = excluded.lead, format = excluded.format, skeleton = excluded.skeleton,
         revision = excluded.revision, targets = excluded.targets, live_units = excluded.live_units,
         live_words = excluded.live_words, updated_at = excluded.updated_at`,
      [checked.id, checked.tag, checked.lang, checked.title, checked.source, checked.lead, revision, p.targetsJson,
        fresh.length, liveWords, at, p.langConfirmed, checked.format, checked.skeleton],
    )
    if (aligned.obsolete.length > 0) {
      await db.query('UPDATE units SET obsolete = true WHERE article_id = $1 AND id = ANY($2::text[]) AND NOT obsolete', [checked.id, aligned.obsolete])
    }
    // Live positions are unique (a partial index); park them out of the way so rewriting the
    // units in their new order never collides with a position not yet moved.
    await db.query('UPDATE units SET position = -position WHERE article_id = $1 AND NOT obsolete', [checked.id])
    const cols = { id: [] as string[], block: [] as number[], kind: [] as string[], source: [] as string[], trailing: [] as string[], words: [] as number[], characters: [] as (number | null)[], hash: [] as string[], codes: [] as (string | null)[], role: [] as (string | null)[] }
    const stale: string[] = []
    const strip: { id: string; old: TextUnit; source: string; codes: readonly CodeData[] | undefined }[] = []
    const seen = new Set<string>()
    for (let i = 0; i < fresh.length; i++) {
      const u = fresh[i]!
      const a = aligned.units[i]
      if (!a || seen.has(a.id)) throw new Error(`alignment gave no distinct id to unit ${i + 1}`)
      seen.add(a.id)
      const previous = byId.get(a.id)
      if ((a.fate === 'new') !== (previous === undefined)) {
        throw new Error(`alignment's fate ${a.fate} for unit ${a.id} disagrees with the store`)
      }
      const digest = sourceHash(u.source)
      cols.id.push(a.id)
      cols.block.push(u.block)
      cols.kind.push(u.kind)
      cols.source.push(u.source)
      cols.trailing.push(u.trailing)
      cols.words.push(u.words)
      cols.characters.push(u.characters ?? null)
      cols.hash.push(digest)
      cols.codes.push(u.codes?.length ? JSON.stringify(u.codes) : null)
      // Schema 5: the unit's role in its document, from the skeleton's slot of its position.
      cols.role.push(input.skeleton?.slots[i]?.role ?? null)
      const asDocument = previous !== undefined && previous.source !== u.source && unmarked?.get(a.id) === u.source
      if (asDocument) strip.push({ id: a.id, old: previous, source: u.source, codes: u.codes })
      // A translation made from other text is stale, whatever the alignment called the pairing.
      else if (previous && (a.fate === 'stale' || previous.hash !== digest)) stale.push(a.id)
    }
    // Every unit in one statement, positions 1… in the order given.
    await db.query(
      `INSERT INTO units (article_id, id, position, block, kind, source, "trailing", words, characters, hash, obsolete, codes, role)
       SELECT $1, u.id, u.position, u.block, u.kind, u.source, u."trailing", u.words, u.characters, u.hash, false, u.codes, u.role
       FROM unnest($2::text[], $3::integer[], $4::text[], $5::text[], $6::text[], $7::integer[], $8::integer[], $9::text[], $10::json[], $11::text[])
         WITH ORDINALITY AS u (id, block, kind, source, "trailing", words, characters, hash, codes, role, position)
       ON CONFLICT (article_id, id) DO UPDATE SET position = excluded.position, codes = excluded.codes, role = excluded.role,
         block = excluded.block, kind = excluded.kind, source = excluded.source, "trailing" = excluded."trailing",
         words = excluded.words, characters = excluded.characters, hash = excluded.hash, obsolete = false`,
      [checked.id, cols.id, cols.block, cols.kind, cols.source, cols.trailing, cols.words, cols.characters, cols.hash, cols.codes, cols.role],
    )
    for (const s of strip) await stripMarks(db, checked.id, s.id, s.old, s.source, s.codes, at)
    // made_from stays the old source, so the editor can show what changed since.
    // Schema 7: the authors of the translations that turn stale hear of it, in this transaction,
    // in the same statement (accounts only: `tolk` or a CLI name that is no account is skipped).
    if (stale.length > 0) {
      await db.query(
        `WITH turned AS (
           UPDATE translations SET stale = true WHERE article_id = $1 AND unit_id = ANY($2::text[]) AND NOT stale AND text <> ''
           RETURNING article_id, unit_id, lang, author)
         INSERT INTO notifications (account, kind, article_id, lang, unit_id, at)
         SELECT author, 'stale', article_id, lang, unit_id, $3 FROM turned
         WHERE author IN (SELECT name FROM accounts WHERE disabled_at IS NULL)
         ORDER BY unit_id, lang`,
        [checked.id, stale, at],
      )
    }
    // Every unit that was live is now either placed again or obsolete; anything else would leave
    // a parked position behind, so roll the whole import back rather than store it.
    const live = await row<{ n: number }>(db, 'SELECT count(*) AS n FROM units WHERE article_id = $1 AND NOT obsolete', [checked.id])
    if (live?.n !== fresh.length) throw new Error(`import of ${checked.id} left live units the alignment did not place`)
    // Schema 8: the import log, which the activity feed reads.
    const n = aligned.counts
    await db.query('INSERT INTO import_log (article_id, revision, kept, moved, stale, new, obsolete, author, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
      [checked.id, revision, n.kept, n.moved, n.stale, n.new, n.obsolete, input.by ?? null, at])
    return summaryOf(p, revision, true)
  }

  return {
    async dryRun(input: ImportInput): Promise<ImportSummary> {
      const p = await plan(pool, input)
      return summaryOf(p, p.same && p.existing ? p.existing.revision : (p.existing?.revision ?? 0) + 1, false)
    },
    write: (input: ImportInput): Promise<ImportSummary> =>
      transaction(pool, async (db) => {
        // Checked before the lock: a bad import waits for no other.
        const checked = validateImport(input)
        await lockArticle(db, checked.id)
        return apply(db, input, await plan(db, input, checked))
      }),
  }
}

/** Serialise writers of one article's units (imports, resource-set imports) across servers. */
export async function lockArticle(db: Db, id: string): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7302))', [id])
}

/**
 * A text unit re-imported as a Markdown unit that only lost its block mark, or whose inline
 * Markdown became codes, keeps its translations, not stale: each is fitted to the new unit
 * (src/documents/from-text.ts) as a new version with a history entry (author `tolk`); one that
 * needs nothing is kept as it is (src/store/sqlite/strip-marks.ts).
 */
async function stripMarks(db: Db, articleId: string, unitId: string, old: TextUnit, source: string, codes: readonly CodeData[] | undefined, at: string): Promise<void> {
  for (const t of await rows<PgTranslationRow>(db, 'SELECT * FROM translations WHERE article_id = $1 AND unit_id = $2', [articleId, unitId])) {
    const text = t.text === '' ? t.text : fitOldTranslation(t.text, old, codes)
    if (text === t.text) {
      await db.query('UPDATE translations SET made_from = $1 WHERE article_id = $2 AND unit_id = $3 AND lang = $4 AND NOT stale', [source, articleId, unitId, t.lang])
      continue
    }
    await db.query(
      `WITH h AS (
         INSERT INTO history (article_id, unit_id, lang, version, old_text, new_text, old_state, new_state, author, at, prev_seq)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7, 'tolk', $8, $9) RETURNING seq)
       UPDATE translations SET text = $6, version = $4, author = 'tolk', updated_at = $8, made_from = $10, history_seq = h.seq
       FROM h WHERE article_id = $1 AND unit_id = $2 AND lang = $3`,
      [articleId, unitId, t.lang, t.version + 1, t.text, text, t.state, at, t.history_seq, t.stale ? t.made_from : source],
    )
  }
}
