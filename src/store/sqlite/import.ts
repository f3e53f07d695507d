import type Database from 'better-sqlite3'
import { alignUnits } from '../../align/align-units.js'
import { Archived, TolkError } from '../../model/errors.js'
import { plural } from '../../model/plural.js'
import { printable } from '../../model/tags.js'
import type { Warning } from '../../model/unit.js'
import type { ImportInput, ImportSummary } from '../types.js'
import { type ArticleRow, type UnitRow, toUnit } from './rows.js'
import { sourceHash } from './source-hash.js'
import { createMarkStripper } from './strip-marks.js'
import { textUnitsAsDocument } from '../../documents/from-text.js'
import { type CheckedImport, checkTargets, validateImport } from './validate-import.js'

// Kept here too for callers that import it from the importer.
export { sourceHash }

/** What an import has read and decided before it writes: the alignment of old and new units. */
export interface ImportPlan {
  checked: CheckedImport
  existing: ArticleRow | undefined
  rows: UnitRow[]
  aligned: ReturnType<typeof alignUnits>
  /**
   * A text article re-imported as a document: each stored unit's text as the document would have
   * it (no block mark, inline Markdown as codes), by unit id; null otherwise.
   */
  unmarked: Map<string, string> | null
  targetsJson: string
  /** 1 when the text language was confirmed (an explicit --lang, the manifest, the editor). */
  langConfirmed: number
  warnings: Warning[]
  /** Nothing would change. */
  same: boolean
}

/** An import in two steps: plan (read and align, no lock held), then write (one transaction). */
export interface Importer {
  plan(input: ImportInput): ImportPlan
  /** What a plan would do, written nowhere. */
  dryRun(plan: ImportPlan): ImportSummary
  write(input: ImportInput, plan: ImportPlan): ImportSummary
}

/**
 * Build the importer over one connection. Statements are prepared once. Validation, alignment
 * and the reads they need run before the write transaction opens, so the write lock is held only
 * for the writes; the write is one transaction (IMMEDIATE, so two importers never deadlock
 * upgrading a read lock), and a dry run plans the same way and writes nothing.
 */
export function createImporter(db: Database.Database, now: () => string): Importer {
  const selectArticle = db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE id = ?')
  const selectUnits = db.prepare<[string], UnitRow>(
    'SELECT * FROM units WHERE article_id = ? ORDER BY obsolete, position',
  )
  const upsertArticle = db.prepare(`
    INSERT INTO articles (id, tag, lang, title, source, lead, revision, targets, live_units,
      live_words, created_at, updated_at, lang_confirmed, format, skeleton)
    VALUES (@id, @tag, @lang, @title, @source, @lead, @revision, @targets, @liveUnits,
      @liveWords, @at, @at, @langConfirmed, @format, @skeleton)
    ON CONFLICT (id) DO UPDATE SET tag = excluded.tag, lang = excluded.lang,
      lang_confirmed = excluded.lang_confirmed,
      title = excluded.title, source = excluded.source, lead = excluded.lead,
      format = excluded.format, skeleton = excluded.skeleton,
      revision = excluded.revision, targets = excluded.targets, live_units = excluded.live_units,
      live_words = excluded.live_words, updated_at = excluded.updated_at`)
  const markObsolete = db.prepare(
    'UPDATE units SET obsolete = 1 WHERE article_id = ? AND id = ? AND obsolete = 0',
  )
  // Live positions are unique (a partial index); park them out of the way so rewriting the
  // units in their new order never collides with a position not yet moved.
  const parkLive = db.prepare(
    'UPDATE units SET position = -position WHERE article_id = ? AND obsolete = 0',
  )
  const upsertUnit = db.prepare(`
    INSERT INTO units (article_id, id, position, block, kind, source, trailing, words,
      characters, hash, obsolete, codes, role)
    VALUES (@articleId, @id, @position, @block, @kind, @source, @trailing, @words,
      @characters, @hash, 0, @codes, @role)
    ON CONFLICT (article_id, id) DO UPDATE SET position = excluded.position, codes = excluded.codes,
      role = excluded.role,
      block = excluded.block, kind = excluded.kind, source = excluded.source,
      trailing = excluded.trailing, words = excluded.words, characters = excluded.characters,
      hash = excluded.hash, obsolete = 0`)
  // made_from stays the old source, so the editor can show what changed since.
  const markStale = db.prepare(`
    UPDATE translations SET stale = 1
    WHERE article_id = ? AND unit_id = ? AND stale = 0 AND text <> ''`)
  // Schema 24: the authors of translations about to turn stale hear of it, in the import's
  // transaction: one set-based insert for the whole import, however many units changed. Accounts
  // only (a translation written by `tolk` or a CLI name that is no account notifies nobody).
  const notifyStale = db.prepare<[string, string, string]>(`
    INSERT INTO notifications (account, kind, article_id, lang, unit_id, at)
    SELECT t.author, 'stale', t.article_id, t.lang, t.unit_id, ? FROM json_each(?) j CROSS JOIN translations t
    ON t.article_id = ? AND t.unit_id = j.value
    JOIN accounts a ON a.name = t.author AND a.disabled_at IS NULL
    WHERE t.stale = 0 AND t.text <> ''
    ORDER BY j.key, t.lang`)
  const isArchived = db.prepare<[string], number>('SELECT 1 FROM archived_articles WHERE article_id = ?').pluck()
  const isResourceSet = db.prepare<[string], { id: string }>(
    'SELECT article_id AS id FROM resource_sets WHERE article_id = ?',
  )
  const countLive = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM units WHERE article_id = ? AND obsolete = 0',
  )
  const countTranslations = db.prepare<[string, string], { n: number }>(
    'SELECT count(*) AS n FROM translations WHERE article_id = ? AND lang = ?',
  )

  const stripMarks = createMarkStripper(db)

  /**
   * Read the article and its units, and align the new units with them: the slow part of an import,
   * run in a read transaction (WAL: it waits on no writer and no writer waits on it).
   */
  const plan = (input: ImportInput): ImportPlan => {
    const checked = validateImport(input)
    const existing = selectArticle.get(checked.id)
    // Archived: the id stays taken until a restore (schema 15); an import must not revive it half.
    if (existing && isArchived.get(checked.id) !== undefined) throw new Archived(checked.id, 'import')
    // Its units are i18next keys, not sentences of a text: segmenting one over them would lose them.
    if (existing && isResourceSet.get(checked.id)) {
      throw new NotAnArticle(checked.id, existing.lang, JSON.parse(existing.targets) as string[], checked.targets)
    }
    const storedTargets = existing ? (JSON.parse(existing.targets) as string[]) : []
    const targets = checked.targets ?? storedTargets
    checkTargets(checked.lang, targets)
    const warnings: Warning[] = []
    if (existing && checked.targets) {
      for (const t of storedTargets) {
        if (targets.includes(t)) continue
        const n = countTranslations.get(checked.id, t)?.n ?? 0
        if (n > 0) {
          warnings.push({
            code: 'target-dropped',
            message: `${t} is no longer a target of ${checked.id}; its ${n} ${plural(n, 'translation')} ${n === 1 ? 'is' : 'are'} kept`,
          })
        }
      }
    }

    const rows = selectUnits.all(checked.id)
    const article = { tag: checked.tag, lang: checked.lang }
    const fresh = input.segmented.units
    // A text article re-imported as a document: its units lost their block marks (`# `, `- `),
    // which must not make them new or stale.
    const unmark = existing !== undefined && (existing.format ?? 'text') === 'text' && checked.format !== 'text'
    const stored = rows.map((r) => toUnit(r, existing ?? article))
    let unmarked: Map<string, string> | null = null
    if (unmark) {
      const as = textUnitsAsDocument(stored, fresh, input.skeleton)
      unmarked = new Map(stored.map((u, i) => [u.id, as[i]!]))
      stored.forEach((u, i) => (u.source = as[i]!))
    }
    const aligned = alignUnits(stored, fresh)
    const targetsJson = JSON.stringify(targets)
    const langConfirmed = (input.langConfirmed ?? existing?.lang_confirmed === 1) ? 1 : 0
    const same =
      existing !== undefined &&
      aligned.unchanged &&
      existing.title === checked.title &&
      existing.tag === checked.tag &&
      existing.lang === checked.lang &&
      existing.source === checked.source &&
      existing.lead === checked.lead &&
      (existing.format ?? 'text') === checked.format &&
      existing.skeleton === checked.skeleton &&
      existing.targets === targetsJson &&
      existing.lang_confirmed === langConfirmed
    return { checked, existing, rows, aligned, unmarked, targetsJson, langConfirmed, warnings, same }
  }

  const logImport = db.prepare(
    'INSERT INTO import_log (article_id, revision, kept, moved, stale, new, obsolete, author, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const summaryOf = (p: ImportPlan, revision: number, written: boolean): ImportSummary => ({
    article: p.checked.id,
    revision,
    written,
    units: p.aligned.counts,
    warnings: p.warnings,
  })

  /**
   * Write a plan in the IMMEDIATE transaction. Planned against another revision (an import in
   * between, after the plan's read), it is planned again here, under the lock.
   */
  const apply = (input: ImportInput, planned: ImportPlan): ImportSummary => {
    const current = selectArticle.get(planned.checked.id)
    const p = current?.revision === planned.existing?.revision ? planned : plan(input)
    const { checked, existing, aligned, unmarked } = p
    if (p.same && existing) return summaryOf(p, existing.revision, false)
    const revision = (existing?.revision ?? 0) + 1
    const fresh = input.segmented.units
    const byId = new Map(p.rows.map((r) => [r.id, r]))

    const at = now()
    let liveWords = 0
    for (const u of fresh) liveWords += u.words
    upsertArticle.run({
      ...checked,
      revision,
      targets: p.targetsJson,
      langConfirmed: p.langConfirmed,
      liveUnits: fresh.length,
      liveWords,
      at,
    })
    for (const id of aligned.obsolete) markObsolete.run(checked.id, id)
    parkLive.run(checked.id)
    const seen = new Set<string>()
    const turnedStale: string[] = []
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
      upsertUnit.run({
        articleId: checked.id,
        id: a.id,
        position: i + 1,
        block: u.block,
        kind: u.kind,
        source: u.source,
        trailing: u.trailing,
        words: u.words,
        characters: u.characters ?? null,
        hash: digest,
        codes: u.codes?.length ? JSON.stringify(u.codes) : null,
        // Schema 20: the unit's role in its document, from the skeleton's slot of its position.
        role: input.skeleton?.slots[i]?.role ?? null,
      })
      const asDocument = previous !== undefined && previous.source !== u.source && unmarked?.get(a.id) === u.source
      if (asDocument) stripMarks(checked.id, a.id, previous, u.source, u.codes, at)
      // A translation made from other text is stale, whatever the alignment called the pairing.
      else if (previous && (a.fate === 'stale' || previous.hash !== digest)) turnedStale.push(a.id)
    }
    if (turnedStale.length > 0) {
      notifyStale.run(at, JSON.stringify(turnedStale), checked.id)
      for (const id of turnedStale) markStale.run(checked.id, id)
    }
    // Every unit that was live is now either placed again or obsolete; anything else would leave
    // a parked position behind, so roll the whole import back rather than store it.
    if (countLive.get(checked.id)?.n !== fresh.length) {
      throw new Error(`import of ${checked.id} left live units the alignment did not place`)
    }
    // Schema 25: the import log, which the activity feed reads.
    const n = aligned.counts
    logImport.run(checked.id, revision, n.kept, n.moved, n.stale, n.new, n.obsolete, input.by ?? null, at)
    return summaryOf(p, revision, true)
  }

  const read = db.transaction((input: ImportInput) => plan(input))
  const write = db.transaction((input: ImportInput, planned: ImportPlan) => apply(input, planned))
  return {
    plan: (input) => read.deferred(input),
    dryRun: (p) => summaryOf(p, p.same && p.existing ? p.existing.revision : (p.existing?.revision ?? 0) + 1, false),
    write: (input, p) => (p.same && p.existing ? summaryOf(p, p.existing.revision, false) : write.immediate(input, p)),
  }
}

/**
 * A 409: the id names an i18next resource set, which is imported as locale files, and whose
 * targets are the languages of its files (or of saveMissing posts), not an import's `targets`.
 */
export class NotAnArticle extends TolkError {
  constructor(id: string, lang: string, targets: readonly string[], asked?: readonly string[]) {
    const ns = printable(id)
    const now = `its target languages are ${targets.join(', ') || 'none yet'}`
    const add = (asked ?? []).filter((t) => !targets.includes(t))
    const how = add.length > 0
      ? `; to add ${add.join(', ')}, import its files with tolk import-locales DIR (DIR/${add[0]}/${ns}.json among them), or post a missing key in that language (POST /locales/add/${add[0]}/${ns})`
      : `; import its files with tolk import-locales DIR (DIR/${lang}/${ns}.json and one folder per target language)`
    super(
      'not-an-article',
      `${ns} is an i18next namespace (a resource set), not an article: its units are the keys of its ${lang} file and ${now}, so it is not imported or given targets as an article's text${how}`,
      409,
    )
  }
}
