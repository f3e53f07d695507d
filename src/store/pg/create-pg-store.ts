import type pg from 'pg'
import { InvalidInput } from '../../model/errors.js'
import { redact } from '../locate.js'
import type { TranslationWrite } from '../../model/translation.js'
import type { Store, TextFault } from '../types.js'
import { createPgAccounts } from './accounts.js'
import { createPgArchiveOps } from './archive.js'
import { createPgArticleListing } from './article-listing.js'
import { createPgArticleOps } from './articles.js'
import { createPgCoverageOps } from './coverage.js'
import { retrying, rows, transaction, type Db } from './db.js'
import { createPgEventOps, createPgPresenceOps } from './events.js'
import { createPgMemory } from './memory.js'
import { migratePg } from './migrate.js'
import { createPgTerms } from './terms.js'
import { createPgAssignments } from './assignments.js'
import { createPgActivity } from './activity.js'
import { createPgComments } from './comments.js'
import { addNotificationsPg, createPgNotifications } from './notifications.js'
import { createPgAligned } from './aligned.js'
import { createPgBatches } from './batches.js'
import { createPgQa } from './qa.js'
import { createPgMtCache } from './mt-cache.js'
import { createPgPool, type PgPoolOptions, unreachable } from './pool.js'
import { createPgResourceSetOps } from './resource-sets.js'
import { createWriteBatcher } from './write-batch.js'
import { createPgTranslationOps } from './translations.js'
import { createPgUnitPageOps } from './unit-pages.js'

/** Options of {@link openPgStore}. */
export interface PgStoreOptions {
  /** A `postgres://` or `postgresql://` URL of an existing database (Tolk never creates one). */
  url: string
  /** Refuse a database that holds no Tolk schema instead of migrating it (verbs that only read). */
  mustExist?: boolean
  /** Clock for `updatedAt` and history times (ISO 8601); tests may pin it. */
  now?: () => string
  pool?: PgPoolOptions
}

/**
 * A Store on a PostgreSQL database: opening migrates the schema under an advisory lock (so servers
 * starting together migrate once) and refuses a database written by a newer Tolk.
 * @example
 * const store = await openPgStore({ url: 'postgres://tolk@127.0.0.1/tolk' })
 */
export async function openPgStore(opts: PgStoreOptions): Promise<Store> {
  const pool = createPgPool(opts.url, opts.pool)
  try {
    await migratePg(pool, opts.url, { mustExist: opts.mustExist ?? false })
  } catch (err) {
    await pool.end().catch(() => {})
    throw unreachable(opts.url, err)
  }
  return createPgStore(pool, opts)
}

/**
 * The Store's methods on a migrated database's pool; closing the store ends the pool. Every
 * method is one statement on the pool, or one transaction on one of its connections: nothing is
 * held between calls, so any number of servers can share the database.
 */
export function createPgStore(pool: pg.Pool, opts: PgStoreOptions): Store {
  const now = opts.now ?? (() => new Date().toISOString())
  const articles = createPgArticleOps(pool)
  const translations = createPgTranslationOps(now)
  /** A rejection, and "your translation was rejected" to whoever wrote the text, in one transaction. */
  const rejectAndNotify = async (db: Db, w: TranslationWrite) => {
    const written = await translations.write(db, w)
    const to = written.rejection?.translator
    if (to) {
      await addNotificationsPg(db, [{ account: to, kind: 'rejected', article: w.articleId, lang: w.lang, unit: w.unitId, from: w.author, reason: written.rejection!.reason }], written.updatedAt ?? new Date().toISOString())
    }
    return written
  }
  // The importer (alignment, the diff library) loads when first used.
  let importer: Promise<ReturnType<typeof import('./import.js').createPgImporter>> | undefined
  const importArticle = () => (importer ??= import('./import.js').then((m) => m.createPgImporter(pool, now)))
  const pages = createPgUnitPageOps(pool)
  const reports = createPgCoverageOps(pool)
  const archive = createPgArchiveOps(pool, now)
  const events = createPgEventOps(pool)
  const presence = createPgPresenceOps(pool, now)
  let closed: Promise<void> | undefined
  // Writes of one translation asked for at once (in one turn of the event loop) are decided one
  // by one, in the order asked, as on SQLite (its group commit): sent at once on several
  // connections, a later one could reach the database first. Writes asked later, and writes of
  // other translations or from other servers, run side by side, so contention on one unit costs
  // no queue in this process.
  const turns = new Map<string, Promise<unknown>>()
  const inTurn = <T>(key: string, fn: () => Promise<T>): Promise<T> => {
    const before = turns.get(key)
    if (!before) queueMicrotask(() => turns.delete(key))
    const mine = before ? before.then(fn, fn) : fn()
    turns.set(key, mine.catch(() => {}))
    return mine
  }

  // Writes that wait for a connection go together, in one statement and one commit (write-batch.ts).
  const batcher = createWriteBatcher({
    pool,
    connections: pool.options.max ?? 10,
    now,
    alone: (w) => retrying(() => translations.write(pool, w)),
  })

  const accounts = createPgAccounts(pool, now)
  return {
    memory: createPgMemory(pool, now),
    accounts,
    mtCache: createPgMtCache(pool),
    terms: createPgTerms(pool, now),
    assignments: createPgAssignments(pool, now),
    activity: createPgActivity(pool),
    comments: createPgComments(pool, now),
    notifications: createPgNotifications(pool, now),
    aligned: createPgAligned(pool, translations),
    batches: createPgBatches(pool, now),
    qa: createPgQa(pool, now),
    resourceSets: createPgResourceSetOps(pool, now, translations),
    getArticle: (id) => articles.get(id),
    listArticles: () => articles.list(),
    listArticlesPage: createPgArticleListing(pool),
    archiveArticle: (id, o) => archive.archive(id, o.by),
    restoreArticle: (id, o) => archive.restore(id, o.by),
    getArchived: (id) => archive.get(id),
    listArchived: () => archive.list(),
    listUnits: (articleId, o) => articles.units(articleId, o?.includeObsolete ?? false),
    unitPage: (articleId, q) => pages.unitPage(articleId, q),
    getUnit: (articleId, unitId) => pages.getUnit(articleId, unitId),
    async importArticle(input, o) {
      const im = await importArticle()
      return o?.dryRun ? im.dryRun(input) : im.write(input)
    },
    getTranslation: (articleId, unitId, lang) => translations.get(pool, articleId, unitId, lang),
    listTranslations: (articleId, lang) => translations.list(pool, articleId, lang),
    writeTranslation: (write) =>
      inTurn(`${write.articleId}\u0000${write.unitId}\u0000${write.lang}`, () =>
        // A rejection tells its translator in the same transaction; every other write is the one
        // statement it always was.
        write.state === 'rejected' ? transaction(pool, (db) => rejectAndNotify(db, write)) : batcher.write(write),
      ),
    history: (articleId, unitId, lang) => translations.history(pool, articleId, unitId, lang),
    historyPage: (articleId, unitId, q) => pages.historyPage(articleId, unitId, q),
    translationEvents: (articleId, lang, after, limit) => events.translationEvents(articleId, lang, after, limit),
    lastEventId: () => events.lastEventId(),
    reportPresence: (p, at) => presence.report(p, at),
    presenceAfter: (articleId, lang, after) => presence.after(articleId, lang, after),
    lastPresenceSeq: () => presence.last(),
    coverage: (o) => reports.coverage(o),
    pendingUnits: (articleId, lang) => reports.pending(articleId, lang),
    articleCoverage: (o) => reports.articleCoverage(o),
    pendingUnitsByLang: (articleId, langs) => reports.pendingByLang(articleId, langs),
    pendingUnitsJson: (articleId, langs) => reports.pendingJson(articleId, langs),
    originWords: (ids) => reports.originWords(ids),
    async textFaults(): Promise<TextFault[]> {
      const found = await rows<{ article_id: string; unit_id: string; lang: string; what: TextFault['what']; problem: string }>(
        pool,
        'SELECT * FROM text_faults ORDER BY article_id, unit_id, lang, what',
      )
      return found.map((r) => ({ articleId: r.article_id, unitId: r.unit_id === '' ? null : r.unit_id, lang: r.lang, what: r.what, problem: r.problem }))
    },
    pendingUnitsJsonPage: (articleId, lang, list, after, limit) => reports.pendingJsonPage(articleId, lang, list, after, limit),
    async backup(file) {
      // A copy of a PostgreSQL database is pg_dump's work: consistent, and restorable elsewhere.
      throw new InvalidInput(
        `tolk backup copies a SQLite file; this workbench is on PostgreSQL, so back it up with pg_dump: pg_dump --format=custom --file=${file} '${redact(opts.url)}' (restore with pg_restore --dbname=URL ${file})`,
      )
    },
    // The accounts' LISTEN connection first: it is no pool client, and would keep the process alive.
    close: () => (closed ??= accounts.close().then(() => pool.end())),
  }
}
