import type pg from 'pg'
import { cldrForms, splitPluralKey } from '../../check/plural-rules.js'
import { keyId, type JsonLayout, type KeyPath, type ResourceEntry } from '../../formats/i18next-resources.js'
import { Archived, InvalidInput, TolkError } from '../../model/errors.js'
import type { Translation } from '../../model/translation.js'
import { checkKey, unitIdOfKey } from '../../model/ids.js'
import { checkNamespace, resourceSetId } from '../../model/namespaces.js'
import { parseLanguage, printable } from '../../model/tags.js'
import { countWords } from '../../model/text.js'
import { checkText, TEXT_LIMITS } from '../../model/text-rule.js'
import { planUnits, zeroGroupsOf, type PlannedUnit } from '../plural-units.js'
import type { MissingKeys, MissingKeysResult, ResourceImportSummary, ResourceSet, ResourceSetImport, ResourceSets } from '../resource-sets.js'
import { byDocument, NamespaceClash, NoTargets, NotAResourceSet, uniqueEntries } from '../sqlite/resource-sets.js'
import { sourceHash } from '../sqlite/source-hash.js'
import { checkTargets } from '../sqlite/validate-import.js'
import { type Db, row, rows, transaction } from './db.js'
import { lockArticle } from './import.js'
import type { PgArticleRow, PgUnitRow } from './rows.js'
import type { createPgTranslationOps } from './translations.js'

interface FileRow {
  lang: string
  indent: string
  final_newline: boolean
  layout: KeyPath[]
  extras: Record<string, string>
}

const NO_FORM = { plural: null, borrowed: false }

type UnitFields = ReturnType<typeof unitFields>

function unitFields(articleId: string, id: string, key: string, position: number, source: string, lang: string, form: Pick<PlannedUnit, 'plural' | 'borrowed'> = NO_FORM) {
  const count = countWords(source, lang)
  return { articleId, id, key: key === id ? null : key, position, source, words: count.words, characters: count.characters ?? null, hash: sourceHash(source), plural: form.plural, borrowed: form.borrowed }
}

const fieldParams = (f: UnitFields) => [f.articleId, f.id, f.position, f.source, f.words, f.characters, f.hash, f.plural, f.borrowed, f.key]

const insertUnit = (db: Db, f: UnitFields) =>
  db.query(
    `INSERT INTO units (article_id, id, position, block, kind, source, "trailing", words, characters, hash, obsolete, plural, borrowed, key)
     VALUES ($1, $2, $3, $3 - 1, 'paragraph', $4, E'\\n', $5, $6, $7, false, $8, $9, $10)`,
    fieldParams(f),
  )
const placeUnit = (db: Db, f: UnitFields) =>
  db.query(
    `UPDATE units SET position = $3, block = $3 - 1, source = $4, words = $5, characters = $6, hash = $7, obsolete = false,
       plural = $8, borrowed = $9, key = $10
     WHERE article_id = $1 AND id = $2`,
    fieldParams(f),
  )
const markObsolete = (db: Db, id: string, unit: string) => db.query('UPDATE units SET obsolete = true WHERE article_id = $1 AND id = $2 AND NOT obsolete', [id, unit])
const markStale = (db: Db, id: string, unit: string) =>
  db.query(`UPDATE translations SET stale = true WHERE article_id = $1 AND unit_id = $2 AND NOT stale AND text <> ''`, [id, unit])
const nextPosition = async (db: Db, id: string) =>
  (await row<{ p: number }>(db, 'SELECT coalesce(max(position), 0) + 1 AS p FROM units WHERE article_id = $1 AND NOT obsolete', [id]))!.p
const touchArticle = (db: Db, id: string, targets: string[], at: string, revision: number) =>
  db.query(
    `UPDATE articles SET revision = $4, targets = $2::jsonb, updated_at = $3,
       live_units = (SELECT count(*) FROM units WHERE article_id = $1 AND NOT obsolete),
       live_words = (SELECT coalesce(sum(words), 0) FROM units WHERE article_id = $1 AND NOT obsolete)
     WHERE id = $1`,
    [id, JSON.stringify(targets), at, revision],
  )

/**
 * The resource sets of the PostgreSQL store, as on SQLite (src/store/sqlite/resource-sets.ts, where
 * the reasons are): a namespace is an article row marked by a `resource_sets` row, its keys units.
 * Every write is one transaction holding the namespace's advisory lock (lockArticle), so imports
 * and saveMissing posts of one namespace take turns across servers; translations go through the
 * store's one versioned write, on the transaction's connection.
 */
export function createPgResourceSetOps(pool: pg.Pool, now: () => string, translations: ReturnType<typeof createPgTranslationOps>): ResourceSets {
  const selectArticle = (db: Db, id: string) =>
    row<PgArticleRow & { is_set: boolean; archived: boolean; namespace: string | null }>(
      db,
      `SELECT a.*, EXISTS (SELECT 1 FROM resource_sets s WHERE s.article_id = a.id) AS is_set,
         (SELECT s.namespace FROM resource_sets s WHERE s.article_id = a.id) AS namespace,
         EXISTS (SELECT 1 FROM archived_articles x WHERE x.article_id = a.id) AS archived
       FROM articles a WHERE a.id = $1`,
      [id],
    )

  const read = async (db: Db, id: string): Promise<ResourceSet | undefined> => {
    const a = await selectArticle(db, id)
    if (!a?.is_set || a.archived) return undefined
    const files = await rows<FileRow>(db, 'SELECT lang, indent, final_newline, layout, extras FROM resource_files WHERE article_id = $1 ORDER BY lang', [id])
    return {
      id,
      namespace: a.namespace ?? id,
      lang: a.lang,
      targets: a.targets,
      files: files.map((f) => ({ lang: f.lang, indent: f.indent, finalNewline: f.final_newline, layout: f.layout, extras: f.extras })),
    }
  }

  /**
   * The set of `namespace` (under its document id, resourceSetId), created (empty) when the
   * namespace is new; an article, or another namespace under the same id, is refused.
   */
  const openSet = async (db: Db, namespace: string, lang: string, targets: string[], at: string) => {
    checkNamespace(namespace)
    const id = resourceSetId(namespace)
    const existing = await selectArticle(db, id)
    if (existing) {
      if (existing.archived) throw new Archived(id, 'import')
      if (!existing.is_set) throw new NotAResourceSet(id)
      if ((existing.namespace ?? id) !== namespace) throw new NamespaceClash(namespace, existing.namespace ?? id, id)
      return { article: existing as PgArticleRow, created: false }
    }
    const wanted = targets.filter((t) => t !== lang)
    checkTargets(lang, wanted)
    await db.query(
      `INSERT INTO articles (id, tag, lang, title, source, lead, revision, targets, live_units, live_words, created_at, updated_at)
       VALUES ($1, $2, $3, $6, '', '', 1, $4::jsonb, 0, 0, $5, $5)`,
      [id, `${lang}-locales`, lang, JSON.stringify(wanted), at, namespace],
    )
    await db.query('INSERT INTO resource_sets (article_id, created_at, namespace) VALUES ($1, $2, $3)', [id, at, namespace === id ? null : namespace])
    return { article: (await selectArticle(db, id)) as PgArticleRow, created: true }
  }

  /**
   * The plural forms the targets' CLDR rules have, as `plural_rules` holds them: rows are written
   * for a language the first time it is a target, before any of its translations can exist.
   */
  const formsOf = async (db: Db, targets: readonly string[]): Promise<Set<string>> => {
    const known = new Set((await rows<{ lang: string }>(db, 'SELECT DISTINCT lang FROM plural_rules WHERE lang = ANY($1::text[])', [targets])).map((r) => r.lang))
    for (const t of targets) {
      if (known.has(t)) continue
      const forms = [...cldrForms(t)]
      await db.query('INSERT INTO plural_rules (lang, plural) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING', [t, forms])
    }
    return new Set((await rows<{ plural: string }>(db, 'SELECT DISTINCT plural FROM plural_rules WHERE lang = ANY($1::text[])', [targets])).map((r) => r.plural))
  }

  /** Bring a set's plural units in line with its keys and targets after a saveMissing post. */
  const syncPlurals = async (db: Db, id: string, lang: string, targets: readonly string[]): Promise<boolean> => {
    const forms = await formsOf(db, targets)
    const all = await rows<PgUnitRow>(db, 'SELECT * FROM units WHERE article_id = $1', [id])
    const live = all.filter((u) => !u.obsolete).sort((x, y) => x.position - y.position)
    const file = await row<{ layout: KeyPath[] }>(db, 'SELECT layout FROM resource_files WHERE article_id = $1 AND lang = $2', [id, lang])
    const paths = new Map((file?.layout ?? []).map((p) => [keyId(p), p]))
    const keys = live.filter((u) => !u.borrowed).map((u) => {
      const key = u.key ?? u.id
      return { id: u.id, key, path: paths.get(key) ?? key.split('.'), source: u.source }
    })
    const zeroFor = zeroGroupsOf(live.filter((u) => u.plural === 'zero').map((u) => u.key ?? u.id))
    const plan = planUnits(keys, forms, (key) => unitIdOfKey(id, key), lang, zeroFor)
    const byId = new Map(all.map((u) => [u.id, u]))
    const wanted = new Set(plan.map((p) => p.id))
    let changed = false
    for (const u of live) {
      if (u.borrowed && !wanted.has(u.id)) {
        await markObsolete(db, id, u.id)
        changed = true
      }
    }
    let position = await nextPosition(db, id)
    for (const p of plan) {
      const r = byId.get(p.id)
      if (!p.borrowed) {
        if (r && r.plural !== p.plural) {
          await db.query('UPDATE units SET plural = $1 WHERE article_id = $2 AND id = $3', [p.plural, id, p.id])
          changed = true
        }
        continue
      }
      const isLive = r !== undefined && !r.obsolete
      if (isLive && r.borrowed && r.source === p.source && r.plural === p.plural) continue
      const fields = unitFields(id, p.id, p.key, isLive ? r.position : position++, p.source, lang, p)
      if (!r) await insertUnit(db, fields)
      else {
        await placeUnit(db, fields)
        if (r.source !== p.source) await markStale(db, id, p.id)
      }
      changed = true
    }
    return changed
  }

  const addMissing = async (db: Db, input: MissingKeys): Promise<MissingKeysResult> => {
    const lang = parseLanguage(input.lang)
    const targets = input.targets.map((t) => parseLanguage(t))
    for (const [key, value] of input.keys) {
      checkKey(key, 'key')
      checkText(value, TEXT_LIMITS.missingValue, `the fallback of ${printable(key)}`)
    }
    const at = now()
    const namespace = checkNamespace(input.namespace)
    if (!(await selectArticle(db, resourceSetId(namespace))) && !targets.some((t) => t !== lang)) {
      throw new NoTargets(namespace, lang, targets)
    }
    const { article, created } = await openSet(db, namespace, lang, targets, at)
    const result = { namespace, lang, created, added: [] as string[], existing: 0, targetAdded: false }
    let setTargets = article.targets
    let changed = false
    let plurals = false
    if (lang === article.lang) {
      let position = await nextPosition(db, article.id)
      for (const [key, fallback] of input.keys) {
        const id = unitIdOfKey(article.id, key)
        const unit = await row<PgUnitRow>(db, 'SELECT * FROM units WHERE article_id = $1 AND id = $2', [article.id, id])
        if (unit && !unit.obsolete) {
          result.existing++
          // Never overwrite a source; an empty one is not a source yet, so the first fallback fills it in.
          if (unit.source === '' && fallback !== '') {
            await placeUnit(db, unitFields(article.id, id, key, unit.position, fallback, lang, { plural: unit.plural, borrowed: unit.borrowed }))
            plurals ||= splitPluralKey(key) !== undefined
            await markStale(db, article.id, id)
            changed = true
          }
          continue
        }
        const prefixes = key.split('.').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('.'))
        // A live key that is a dotted prefix of `key`, or has it as one: nested JSON cannot hold both.
        const clash = await row<{ key: string }>(
          db,
          `SELECT coalesce(key, id) AS key FROM units WHERE article_id = $1 AND NOT obsolete
             AND (id = ANY($2::text[]) OR key = ANY($2::text[])
               OR (id > $3 || '.' AND id < $3 || '/') OR (key > $3 || '.' AND key < $3 || '/'))
           LIMIT 1`,
          [article.id, prefixes, key],
        )
        if (clash) {
          throw new TolkError('key-conflict', `${namespace} has the key ${printable(clash.key)}: i18next's nested JSON cannot also hold ${printable(key)}; rename one`, 409)
        }
        // A key removed by an import and posted again comes back with its source and history.
        const fields = unitFields(article.id, id, key, position++, unit ? unit.source : fallback, lang)
        if (unit) await placeUnit(db, fields)
        else await insertUnit(db, fields)
        result.added.push(key)
        changed = true
        plurals ||= splitPluralKey(key) !== undefined
      }
    } else if (!setTargets.includes(lang)) {
      setTargets = [...setTargets, lang]
      result.targetAdded = true
      changed = true
      plurals = true
    }
    if ((plurals || created) && (await syncPlurals(db, article.id, article.lang, setTargets))) changed = true
    if (changed || created) await touchArticle(db, article.id, setTargets, at, created ? 1 : article.revision + 1)
    return result
  }

  const saveFile = (db: Db, id: string, lang: string, layout: JsonLayout, entries: readonly ResourceEntry[], extras: Record<string, string>) =>
    db.query(
      `INSERT INTO resource_files (article_id, lang, indent, final_newline, layout, extras) VALUES ($1, $2, $3, $4, $5::jsonb, $6::json)
       ON CONFLICT (article_id, lang) DO UPDATE SET indent = excluded.indent, final_newline = excluded.final_newline,
         layout = excluded.layout, extras = excluded.extras`,
      [id, lang, layout.indent, layout.finalNewline, JSON.stringify(entries.map((e) => e.path)), JSON.stringify(extras)],
    )

  const importOne = async (db: pg.PoolClient, input: ResourceSetImport, author: string, at: string): Promise<ResourceImportSummary> => {
    const lang = parseLanguage(input.lang)
    const fileLangs = [...input.targets.map((t) => parseLanguage(t.lang)), ...(input.alsoTargets ?? []).map((t) => parseLanguage(t))]
    checkNamespace(input.id)
    await lockArticle(db, resourceSetId(input.id))
    const { article, created } = await openSet(db, input.id, lang, fileLangs, at)
    const id = article.id
    if (article.lang !== lang) {
      throw new InvalidInput(`namespace ${input.id} is written in ${article.lang}, not ${lang}: import it with --source ${article.lang}`, 'wrong-source-language')
    }
    const before = article.targets
    const targets = [...before, ...fileLangs.filter((t) => !before.includes(t))]
    checkTargets(lang, targets)
    const summary: ResourceImportSummary = {
      namespace: input.id,
      id,
      created,
      revision: article.revision,
      units: { new: 0, changed: 0, unchanged: 0, obsolete: 0 },
      translations: { written: 0, unchanged: 0, unknown: 0 },
      targets,
    }
    const entries = uniqueEntries(input.source.entries, `namespace ${input.id} (${lang})`)
    const idOf = (key: string) => unitIdOfKey(id, key)
    const byId = new Map((await rows<PgUnitRow>(db, 'SELECT * FROM units WHERE article_id = $1', [id])).map((u) => [u.id, u]))
    // A `_zero` a target file holds, or a unit has, keeps a unit of its own (written, not counted).
    const zeroFor = zeroGroupsOf([
      ...input.targets.flatMap((t) => t.entries.map((e) => keyId(e.path))),
      ...[...byId.values()].filter((u) => u.plural === 'zero' && !u.obsolete).map((u) => u.key ?? u.id),
    ])
    const plan = planUnits(entries.map((e) => ({ id: idOf(keyId(e.path)), key: keyId(e.path), path: e.path, source: e.value })), await formsOf(db, targets), idOf, lang, zeroFor)
    const wanted = new Set(plan.map((p) => p.id))
    for (const r of byId.values()) {
      if (!r.obsolete && !wanted.has(r.id)) {
        await markObsolete(db, id, r.id)
        summary.units.obsolete++
      }
    }
    await db.query('UPDATE units SET position = -position WHERE article_id = $1 AND NOT obsolete', [id])
    for (const [i, p] of plan.entries()) {
      const r = byId.get(p.id)
      const fields = unitFields(id, p.id, p.key, i + 1, p.source, lang, p)
      if (!r) {
        await insertUnit(db, fields)
        summary.units.new++
        continue
      }
      await placeUnit(db, fields)
      if (r.source !== p.source) {
        await markStale(db, id, p.id)
        summary.units.changed++
      } else if (r.obsolete) summary.units.new++
      else summary.units.unchanged++
    }
    const unitsChanged = summary.units.new + summary.units.changed + summary.units.obsolete > 0
    if (unitsChanged || targets.length !== before.length || created) {
      summary.revision = created ? 1 : article.revision + 1
      await touchArticle(db, id, targets, at, summary.revision)
    }
    await saveFile(db, id, lang, input.source, entries, {})

    // Translations: through the one versioned write path, only where the text differs.
    for (const file of input.targets) {
      const tlang = parseLanguage(file.lang)
      const tEntries = uniqueEntries(file.entries, `namespace ${input.id} (${tlang})`)
      const current = new Map((await translations.list(db, id, tlang)).map((t) => [t.unitId, t]))
      const extras = Object.create(null) as Record<string, string>
      const take = async (e: ResourceEntry, t: Translation) => {
        // An empty string is no translation: kept (as a draft) only where there is none yet, so
        // that the file comes back as it was; it never blanks a translation.
        const same = e.value === '' ? t.version > 0 : t.text === e.value && t.state !== 'initial'
        if (same) {
          summary.translations.unchanged++
          return
        }
        const state = e.value === '' ? 'initial' : 'translated'
        await translations.write(db, { articleId: id, unitId: t.unitId, lang: tlang, text: e.value, state, author, ifVersion: t.version })
        summary.translations.written++
      }
      for (const e of tEntries) {
        const key = keyId(e.path)
        const t = current.get(idOf(key))
        if (!t) {
          extras[key] = e.value
          summary.translations.unknown++
          continue
        }
        await take(e, t)
      }
      // Forms a plain key of the file stands in for: translations, but no keys of the file.
      for (const e of uniqueEntries(file.standIns ?? [], `namespace ${input.id} (${tlang})`)) {
        const t = current.get(idOf(keyId(e.path)))
        if (t) await take(e, t)
      }
      await saveFile(db, id, tlang, file, tEntries, extras)
    }
    return summary
  }

  return {
    get: (id) => read(pool, id),
    async list() {
      const ids = await rows<{ id: string }>(
        pool,
        'SELECT article_id AS id FROM resource_sets s WHERE NOT EXISTS (SELECT 1 FROM archived_articles x WHERE x.article_id = s.article_id) ORDER BY article_id',
      )
      const sets = await Promise.all(ids.map((r) => read(pool, r.id)))
      return sets.filter((s): s is ResourceSet => s !== undefined)
    },
    addMissing: (input) =>
      transaction(pool, async (db) => {
        await lockArticle(db, resourceSetId(checkNamespace(input.namespace)))
        return addMissing(db, input)
      }),
    pluralCounts: async (ids) =>
      byDocument(
        await rows<{ article_id: string; plural: string; units: number }>(
          pool,
          'SELECT article_id, plural, units FROM plural_counts WHERE article_id = ANY($1::text[]) AND units > 0 ORDER BY article_id, plural',
          [[...ids]],
        ),
      ),
    importTree: (sets, o) =>
      transaction(pool, async (db) => {
        const at = now()
        const out: ResourceImportSummary[] = []
        for (const s of sets) out.push(await importOne(db, s, o.author, at))
        return out
      }),
  }
}
