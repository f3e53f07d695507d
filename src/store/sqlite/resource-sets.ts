import type Database from 'better-sqlite3'
import { keyId, type JsonLayout, type KeyPath, type ResourceEntry } from '../../formats/i18next-resources.js'
import { Archived, InvalidInput, TolkError } from '../../model/errors.js'
import { checkKey, unitIdOfKey } from '../../model/ids.js'
import { checkNamespace, resourceSetId } from '../../model/namespaces.js'
import { parseLanguage, printable } from '../../model/tags.js'
import { countWords } from '../../model/text.js'
import { checkText, TEXT_LIMITS } from '../../model/text-rule.js'
import type { Translation, TranslationWrite } from '../../model/translation.js'
import { cldrForms, splitPluralKey } from '../../check/plural-rules.js'
import { planUnits, zeroGroupsOf, type PlannedUnit } from '../plural-units.js'
import type {
  MissingKeys,
  MissingKeysResult,
  ResourceFile,
  ResourceImportSummary,
  ResourceSet,
  ResourceSetImport,
} from '../resource-sets.js'
import { sourceHash } from './source-hash.js'
import type { ArticleRow, UnitRow } from './rows.js'
import { checkTargets } from './validate-import.js'

/** The resource-set functions of the SQLite store, over one connection (synchronous inside). */
export interface ResourceSetOps {
  get(id: string): ResourceSet | undefined
  list(): ResourceSet[]
  addMissing(input: MissingKeys): MissingKeysResult
  importTree(sets: ResourceSetImport[], author: string): ResourceImportSummary[]
  pluralCounts(ids: readonly string[]): Map<string, Record<string, number>>
}

/** The translation functions a resource import writes through (the store's one write path). */
export interface TranslationAccess {
  list(articleId: string, lang: string): Translation[]
  write(w: TranslationWrite): Translation
}

interface FileRow {
  lang: string
  indent: string
  final_newline: 0 | 1
  layout: string
  extras: string
}

/** A 409: the namespace is an article, whose units come from its text. */
export class NotAResourceSet extends TolkError {
  constructor(id: string) {
    super(
      'not-a-resource-set',
      `${printable(id)} is an article, not an i18next resource set: its units come from its text (tolk import); use another namespace`,
      409,
    )
  }
}

/** A 409: another namespace is stored under the document id this one derives (vanishingly rare). */
export class NamespaceClash extends TolkError {
  constructor(namespace: string, other: string, id: string) {
    super('namespace-clash', `the namespaces ${printable(namespace)} and ${printable(other)} share the document id ${id}; rename one of them`, 409)
  }
}

/**
 * A 409: a saveMissing post would create a namespace without a target language, since the server
 * was started without any (or with only the posted language).
 */
export class NoTargets extends TolkError {
  constructor(namespace: string, lang: string, targets: readonly string[]) {
    const why =
      targets.length === 0
        ? 'the server has no target languages for new namespaces'
        : `the server's only target language for new namespaces is ${lang}, the language of the post`
    super(
      'no-targets',
      `namespace ${printable(namespace)} is new, and ${why}, so no one could translate it: nothing was created. Start the server with tolk serve --targets sv,de (or set TOLK_TARGETS=sv,de), naming the languages to translate ${lang} into, and post again`,
      409,
    )
  }
}

/**
 * Build the resource-set functions. A resource set is an article row (no source text of its own,
 * tag `<lang>-locales`) marked by a `resource_sets` row; its keys are units of kind `paragraph`,
 * one block each, in key order. Writes are IMMEDIATE transactions; translations go through
 * `translations.write`, which nests as a savepoint inside them.
 */
export function createResourceSetOps(
  db: Database.Database,
  now: () => string,
  translations: TranslationAccess,
): ResourceSetOps {
  const selectArticle = db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE id = ?')
  const isSet = db.prepare<[string], { id: string; namespace: string | null }>(
    'SELECT article_id AS id, namespace FROM resource_sets WHERE article_id = ?',
  )
  const isArchived = db.prepare<[string], number>('SELECT 1 FROM archived_articles WHERE article_id = ?').pluck()
  // An archived set is in no listing, and reads as none (schema 15).
  const allSets = db.prepare<[], { id: string }>(
    `SELECT article_id AS id FROM resource_sets s WHERE NOT EXISTS (SELECT 1 FROM archived_articles x WHERE x.article_id = s.article_id) ORDER BY article_id`,
  )
  const selectFiles = db.prepare<[string], FileRow>(
    'SELECT lang, indent, final_newline, layout, extras FROM resource_files WHERE article_id = ? ORDER BY lang',
  )
  const insertArticle = db.prepare(`
    INSERT INTO articles (id, tag, lang, title, source, lead, revision, targets, live_units,
      live_words, created_at, updated_at)
    VALUES (@id, @tag, @lang, @title, '', '', 1, @targets, 0, 0, @at, @at)`)
  const insertSet = db.prepare('INSERT INTO resource_sets (article_id, created_at, namespace) VALUES (?, ?, ?)')
  const touchArticle = db.prepare(`
    UPDATE articles SET revision = @revision, targets = @targets, updated_at = @at,
      live_units = (SELECT count(*) FROM units WHERE article_id = @id AND obsolete = 0),
      live_words = (SELECT coalesce(sum(words), 0) FROM units WHERE article_id = @id AND obsolete = 0)
    WHERE id = @id`)
  const selectUnits = db.prepare<[string], UnitRow>('SELECT * FROM units WHERE article_id = ?')
  const selectUnit = db.prepare<[string, string], UnitRow>('SELECT * FROM units WHERE article_id = ? AND id = ?')
  // A live unit whose key is a dotted prefix of `key` (nav for nav.home) or has `key` as one:
  // nested JSON cannot hold both. '/' is the character after '.', so the range is "key.*". A key
  // that is its own id is in `id`; any other in `key` (indexed where it is not null).
  const conflicting = db.prepare<[{ ns: string; prefixes: string; key: string }], { key: string }>(`
    SELECT coalesce(key, id) AS key FROM units WHERE article_id = @ns AND obsolete = 0
      AND (id IN (SELECT value FROM json_each(@prefixes)) OR key IN (SELECT value FROM json_each(@prefixes))
        OR (id > @key || '.' AND id < @key || '/') OR (key > @key || '.' AND key < @key || '/'))
    LIMIT 1`)
  const nextPosition = db.prepare<[string], { p: number }>(
    'SELECT coalesce(max(position), 0) + 1 AS p FROM units WHERE article_id = ? AND obsolete = 0',
  )
  const insertUnit = db.prepare(`
    INSERT INTO units (article_id, id, position, block, kind, source, trailing, words, characters,
      hash, obsolete, plural, borrowed, key)
    VALUES (@articleId, @id, @position, @position - 1, 'paragraph', @source, '\n', @words,
      @characters, @hash, 0, @plural, @borrowed, @key)`)
  const placeUnit = db.prepare(`
    UPDATE units SET position = @position, block = @position - 1, source = @source, words = @words,
      characters = @characters, hash = @hash, obsolete = 0, plural = @plural, borrowed = @borrowed,
      key = @key
    WHERE article_id = @articleId AND id = @id`)
  const setPlural = db.prepare('UPDATE units SET plural = ? WHERE article_id = ? AND id = ?')
  const liveUnits = db.prepare<[string], UnitRow>('SELECT * FROM units WHERE article_id = ? AND obsolete = 0 ORDER BY position')
  const selectLayout = db.prepare<[string, string], { layout: string }>('SELECT layout FROM resource_files WHERE article_id = ? AND lang = ?')
  const hasRules = db.prepare<[string], { lang: string }>('SELECT lang FROM plural_rules WHERE lang = ? LIMIT 1')
  const insertRule = db.prepare('INSERT OR IGNORE INTO plural_rules (lang, plural) VALUES (?, ?)')
  const selectForms = db.prepare<[string], string>(
    'SELECT DISTINCT plural FROM plural_rules WHERE lang IN (SELECT value FROM json_each(?))',
  ).pluck()
  const markObsolete = db.prepare('UPDATE units SET obsolete = 1 WHERE article_id = ? AND id = ? AND obsolete = 0')
  const parkLive = db.prepare('UPDATE units SET position = -position WHERE article_id = ? AND obsolete = 0')
  const markStale = db.prepare(
    "UPDATE translations SET stale = 1 WHERE article_id = ? AND unit_id = ? AND stale = 0 AND text <> ''",
  )
  const selectPluralCounts = db.prepare<[string], { article_id: string; plural: string; units: number }>(
    'SELECT article_id, plural, units FROM plural_counts WHERE article_id IN (SELECT value FROM json_each(?)) AND units > 0 ORDER BY article_id, plural',
  )
  const upsertFile = db.prepare(`
    INSERT INTO resource_files (article_id, lang, indent, final_newline, layout, extras)
    VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (article_id, lang) DO UPDATE SET indent = excluded.indent,
      final_newline = excluded.final_newline, layout = excluded.layout, extras = excluded.extras`)

  const read = (id: string): ResourceSet | undefined => {
    const set = isSet.get(id)
    if (!set || isArchived.get(id) !== undefined) return undefined
    const a = selectArticle.get(id)!
    const files: ResourceFile[] = selectFiles.all(id).map((f) => ({
      lang: f.lang,
      indent: f.indent,
      finalNewline: f.final_newline === 1,
      layout: JSON.parse(f.layout) as KeyPath[],
      extras: JSON.parse(f.extras) as Record<string, string>,
    }))
    return { id, namespace: set.namespace ?? id, lang: a.lang, targets: JSON.parse(a.targets) as string[], files }
  }

  /**
   * The set of `namespace` (under its document id, resourceSetId), created (empty) when the
   * namespace is new; an article, or another namespace under the same id, is refused.
   */
  const openSet = (namespace: string, lang: string, targets: string[], at: string) => {
    checkNamespace(namespace)
    const id = resourceSetId(namespace)
    const existing = selectArticle.get(id)
    if (existing) {
      if (isArchived.get(id) !== undefined) throw new Archived(id, 'import')
      const set = isSet.get(id)
      if (!set) throw new NotAResourceSet(id)
      if ((set.namespace ?? id) !== namespace) throw new NamespaceClash(namespace, set.namespace ?? id, id)
      return { article: existing, created: false }
    }
    const wanted = targets.filter((t) => t !== lang)
    checkTargets(lang, wanted)
    insertArticle.run({ id, tag: `${lang}-locales`, lang, title: namespace, targets: JSON.stringify(wanted), at })
    insertSet.run(id, at, namespace === id ? null : namespace)
    return { article: selectArticle.get(id)!, created: true }
  }

  const unitFields = (articleId: string, id: string, key: string, position: number, source: string, lang: string, form: Pick<PlannedUnit, 'plural' | 'borrowed'> = NO_FORM) => {
    const count = countWords(source, lang)
    return { articleId, id, key: key === id ? null : key, position, source, words: count.words, characters: count.characters ?? null, hash: sourceHash(source), plural: form.plural, borrowed: form.borrowed ? 1 : 0 }
  }

  /**
   * The plural forms the targets' CLDR rules have, as `plural_rules` holds them: rows are written
   * for a language the first time it is a target, before any of its translations can exist, so
   * the coverage triggers always find them.
   */
  const formsOf = (targets: readonly string[]): Set<string> => {
    for (const t of targets) {
      if (hasRules.get(t)) continue
      for (const form of cldrForms(t)) insertRule.run(t, form)
    }
    return new Set(selectForms.all(JSON.stringify(targets)))
  }

  /**
   * Bring a set's plural units in line with its keys and targets after a saveMissing post: mark
   * each key's form, add the forms a target needs (at the end), follow a changed `_other`, and
   * retire borrowed forms no longer needed. Returns whether a unit changed.
   */
  const syncPlurals = (id: string, lang: string, targets: readonly string[]): boolean => {
    const forms = formsOf(targets)
    const live = liveUnits.all(id)
    const file = selectLayout.get(id, lang)
    const paths = new Map((file ? (JSON.parse(file.layout) as KeyPath[]) : []).map((p) => [keyId(p), p]))
    const keys = live.filter((u) => !u.borrowed).map((u) => {
      const key = u.key ?? u.id
      return { id: u.id, key, path: paths.get(key) ?? key.split('.'), source: u.source }
    })
    const zeroFor = zeroGroupsOf(live.filter((u) => u.plural === 'zero').map((u) => u.key ?? u.id))
    const plan = planUnits(keys, forms, (key) => unitIdOfKey(id, key), lang, zeroFor)
    const rows = new Map(selectUnits.all(id).map((u) => [u.id, u]))
    const wanted = new Set(plan.map((p) => p.id))
    let changed = false
    for (const u of live) {
      if (u.borrowed && !wanted.has(u.id)) {
        markObsolete.run(id, u.id)
        changed = true
      }
    }
    let position = nextPosition.get(id)!.p
    for (const p of plan) {
      const row = rows.get(p.id)
      if (!p.borrowed) {
        if (row && row.plural !== p.plural) {
          setPlural.run(p.plural, id, p.id)
          changed = true
        }
        continue
      }
      const live = row !== undefined && row.obsolete === 0
      if (live && row.borrowed && row.source === p.source && row.plural === p.plural) continue
      const fields = unitFields(id, p.id, p.key, live ? row.position : position++, p.source, lang, p)
      if (!row) insertUnit.run(fields)
      else {
        placeUnit.run(fields)
        if (row.source !== p.source) markStale.run(id, p.id)
      }
      changed = true
    }
    return changed
  }

  const addMissing = db.transaction((input: MissingKeys): MissingKeysResult => {
    const lang = parseLanguage(input.lang)
    const targets = input.targets.map((t) => parseLanguage(t))
    for (const [key, value] of input.keys) {
      checkKey(key, 'key')
      checkText(value, TEXT_LIMITS.missingValue, `the fallback of ${printable(key)}`)
    }
    const at = now()
    // A namespace no one could translate is not made: nothing would ever let it gain a target
    // but a post in another language, which the apps posting saveMissing keys never send.
    const namespace = checkNamespace(input.namespace)
    if (!selectArticle.get(resourceSetId(namespace)) && !targets.some((t) => t !== lang)) {
      throw new NoTargets(namespace, lang, targets)
    }
    const { article, created } = openSet(namespace, lang, targets, at)
    const result = { namespace, lang, created, added: [] as string[], existing: 0, targetAdded: false }
    let setTargets = JSON.parse(article.targets) as string[]
    let changed = false
    let plurals = false
    if (lang === article.lang) {
      let position = nextPosition.get(article.id)!.p
      for (const [key, fallback] of input.keys) {
        // One lookup per posted key (i18next posts one): a large namespace is never read whole.
        const id = unitIdOfKey(article.id, key)
        const unit = selectUnit.get(article.id, id)
        if (unit && !unit.obsolete) {
          result.existing++
          // Never overwrite a source; an empty one (a plural form posted without a default) is
          // not a source yet, so the first real fallback fills it in.
          if (unit.source === '' && fallback !== '') {
            placeUnit.run(unitFields(article.id, id, key, unit.position, fallback, lang, { plural: unit.plural, borrowed: unit.borrowed === 1 }))
            plurals ||= splitPluralKey(key) !== undefined
            markStale.run(article.id, id)
            changed = true
          }
          continue
        }
        const prefixes = key.split('.').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('.'))
        const clash = conflicting.get({ ns: article.id, prefixes: JSON.stringify(prefixes), key })
        if (clash) {
          throw new TolkError('key-conflict', `${namespace} has the key ${printable(clash.key)}: i18next's nested JSON cannot also hold ${printable(key)}; rename one`, 409)
        }
        // A key removed by an import and posted again comes back with its source and history.
        const fields = unitFields(article.id, id, key, position++, unit ? unit.source : fallback, lang)
        if (unit) placeUnit.run(fields)
        else insertUnit.run(fields)
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
    // Only a plural-looking key or a new target can change the plural units: a post of a plain key
    // never reads the whole namespace.
    if ((plurals || created) && syncPlurals(article.id, article.lang, setTargets)) changed = true
    if (changed || created) {
      const revision = created ? 1 : article.revision + 1
      touchArticle.run({ id: article.id, targets: JSON.stringify(setTargets), at, revision })
    }
    return result
  })

  const importOne = (input: ResourceSetImport, author: string, at: string): ResourceImportSummary => {
    const lang = parseLanguage(input.lang)
    const fileLangs = [...input.targets.map((t) => parseLanguage(t.lang)), ...(input.alsoTargets ?? []).map((t) => parseLanguage(t))]
    const { article, created } = openSet(input.id, lang, fileLangs, at)
    const id = article.id
    if (article.lang !== lang) {
      throw new InvalidInput(
        `namespace ${input.id} is written in ${article.lang}, not ${lang}: import it with --source ${article.lang}`,
        'wrong-source-language',
      )
    }
    const before = JSON.parse(article.targets) as string[]
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

    // Units: the source file's keys in its order, each plural group followed by the forms its
    // targets need that the source lacks; keys it no longer has turn obsolete.
    const entries = uniqueEntries(input.source.entries, `namespace ${input.id} (${lang})`)
    const idOf = (key: string) => unitIdOfKey(id, key)
    const rows = new Map(selectUnits.all(id).map((u) => [u.id, u]))
    // A `_zero` a target file holds, or a unit has, keeps a unit of its own (written, not counted).
    const zeroFor = zeroGroupsOf([
      ...input.targets.flatMap((t) => t.entries.map((e) => keyId(e.path))),
      ...[...rows.values()].filter((u) => u.plural === 'zero' && !u.obsolete).map((u) => u.key ?? u.id),
    ])
    const plan = planUnits(entries.map((e) => ({ id: idOf(keyId(e.path)), key: keyId(e.path), path: e.path, source: e.value })), formsOf(targets), idOf, lang, zeroFor)
    const wanted = new Set(plan.map((p) => p.id))
    for (const r of rows.values()) {
      if (!r.obsolete && !wanted.has(r.id)) {
        markObsolete.run(id, r.id)
        summary.units.obsolete++
      }
    }
    parkLive.run(id)
    plan.forEach((p, i) => {
      const row = rows.get(p.id)
      const fields = unitFields(id, p.id, p.key, i + 1, p.source, lang, p)
      if (!row) {
        insertUnit.run(fields)
        summary.units.new++
        return
      }
      placeUnit.run(fields)
      if (row.source !== p.source) {
        markStale.run(id, p.id)
        summary.units.changed++
      } else if (row.obsolete) summary.units.new++
      else summary.units.unchanged++
    })
    const unitsChanged = summary.units.new + summary.units.changed + summary.units.obsolete > 0
    if (unitsChanged || targets.length !== before.length || created) {
      summary.revision = created ? 1 : article.revision + 1
      touchArticle.run({ id, targets: JSON.stringify(targets), at, revision: summary.revision })
    }
    saveFile(id, lang, input.source, entries, {})

    // Translations: through the one versioned write path, only where the text differs.
    for (const file of input.targets) {
      const tlang = parseLanguage(file.lang)
      const tEntries = uniqueEntries(file.entries, `namespace ${input.id} (${tlang})`)
      const current = new Map(translations.list(id, tlang).map((t) => [t.unitId, t]))
      const extras = Object.create(null) as Record<string, string>
      const take = (e: ResourceEntry, t: Translation) => {
        // An empty string is no translation: kept (as a draft) only where there is none yet, so
        // that the file comes back as it was; it never blanks a translation.
        const same = e.value === '' ? t.version > 0 : t.text === e.value && t.state !== 'initial'
        if (same) {
          summary.translations.unchanged++
          return
        }
        const state = e.value === '' ? 'initial' : 'translated'
        translations.write({ articleId: id, unitId: t.unitId, lang: tlang, text: e.value, state, author, ifVersion: t.version })
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
        take(e, t)
      }
      // Forms a plain key of the file stands in for: translations, but no keys of the file.
      for (const e of uniqueEntries(file.standIns ?? [], `namespace ${input.id} (${tlang})`)) {
        const t = current.get(idOf(keyId(e.path)))
        if (t) take(e, t)
      }
      saveFile(id, tlang, file, tEntries, extras)
    }
    return summary
  }

  const saveFile = (id: string, lang: string, layout: JsonLayout, entries: readonly ResourceEntry[], extras: Record<string, string>) => {
    upsertFile.run(id, lang, layout.indent, layout.finalNewline ? 1 : 0, JSON.stringify(entries.map((e) => e.path)), JSON.stringify(extras))
  }

  const importTree = db.transaction((sets: ResourceSetImport[], author: string) => {
    const at = now()
    return sets.map((s) => importOne(s, author, at))
  })

  return {
    get: (id) => read(id),
    list: () => allSets.all().map((r) => read(r.id)!),
    addMissing: (input) => addMissing.immediate(input),
    importTree: (sets, author) => importTree.immediate(sets, author),
    pluralCounts: (ids) => byDocument(selectPluralCounts.all(JSON.stringify(ids))),
  }
}

const NO_FORM = { plural: null, borrowed: false }

/** Rows of `plural_counts` as document id → form → live units (both backends). */
export function byDocument(rows: readonly { article_id: string; plural: string; units: number }[]): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>()
  for (const r of rows) {
    let forms = out.get(r.article_id)
    if (!forms) out.set(r.article_id, (forms = {}))
    forms[r.plural] = Number(r.units)
  }
  return out
}

/**
 * Refuse an empty key, two keys with one dotted path (`a.b` flat and `a` → `b`), and a string
 * against the text rule (before anything of the tree is written: the transaction rolls back).
 */
export function uniqueEntries(entries: readonly ResourceEntry[], where: string): ResourceEntry[] {
  const seen = new Set<string>()
  for (const e of entries) {
    const key = keyId(e.path)
    checkKey(key, `a key in ${where}`)
    checkText(e.value, TEXT_LIMITS.translation, `${where}: the string of ${printable(key)}`)
    if (seen.has(key)) throw new InvalidInput(`${where} has the key ${printable(key)} twice (flat and nested?): keep one`, 'duplicate-key')
    seen.add(key)
  }
  return [...entries]
}
