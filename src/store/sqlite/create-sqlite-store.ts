import fs from 'node:fs'
import path from 'node:path'
import type { Store, TextFault } from '../types.js'
import { createSqliteAccounts } from './accounts.js'
import { createArchiveOps } from './archive.js'
import { createArticleCoverageOps } from './article-coverage.js'
import { createArticleOps } from './articles.js'
import { createArticleListing } from './article-listing.js'
import { createCoverageOps } from './coverage.js'
import { busyRetry } from './busy.js'
import { lazyMemory } from './lazy-memory.js'
import { type OpenOptions, openDatabase } from './open-database.js'
import { createResourceSetOps } from './resource-sets.js'
import { createSqliteMtCache } from './mt-cache.js'
import { createSqliteTerms } from './terms.js'
import { createSqliteAssignments } from './assignments.js'
import { createSqliteActivity } from './activity.js'
import { createSqliteComments } from './comments.js'
import { createSqliteNotifications } from './notifications.js'
import { createSqliteAligned } from './aligned.js'
import { createSqliteBatches } from './batches.js'
import { createSqliteQa } from './qa.js'
import { createOriginWords } from './origin-words.js'
import { createTranslationOps } from './translations.js'
import { createUnitPageOps } from './unit-pages.js'
import { createEventOps, createPresenceOps } from './events.js'

/** Options of {@link createSqliteStore}. */
export interface SqliteStoreOptions extends OpenOptions {
  /** Clock for `updatedAt` and history times (ISO 8601); tests may pin it. */
  now?: () => string
}

/**
 * A Store on one SQLite file (better-sqlite3, WAL). Opening migrates the schema, and refuses a
 * file written by a newer Tolk. better-sqlite3 answers synchronously; the methods are async only
 * to keep the Store interface open to a PostgreSQL store.
 * @example
 * const store = createSqliteStore({ file: 'data/tolk.sqlite' })
 */
export function createSqliteStore(opts: SqliteStoreOptions): Store {
  const db = openDatabase(opts)
  const now = opts.now ?? (() => new Date().toISOString())
  // Writes that find the database locked retry off the event loop, then fail with StoreBusy.
  const whenFree = busyRetry(opts.busyWindowMs)
  const articles = createArticleOps(db)
  const listArticlesPage = createArticleListing(db)
  // The importer (alignment, the diff library) and the memory load when first used.
  let importer: Promise<ReturnType<typeof import('./import.js').createImporter>> | undefined
  const importArticle = () => (importer ??= import('./import.js').then((m) => m.createImporter(db, now)))
  const translations = createTranslationOps(db, now)
  const events = createEventOps(db)
  const presence = createPresenceOps(db, now)
  const reports = createCoverageOps(db)
  const wholeReports = createArticleCoverageOps(db)
  const resourceSets = createResourceSetOps(db, now, translations)
  const originWords = createOriginWords(db)
  const faults = db.prepare<[], { article_id: string; unit_id: string; lang: string; what: TextFault['what']; problem: string }>(
    'SELECT * FROM text_faults ORDER BY article_id, unit_id, lang, what',
  )
  const pages = createUnitPageOps(db)
  const archive = createArchiveOps(db, now)
  const assignments = createSqliteAssignments(db, now)
  const comments = createSqliteComments(db, now)
  const notifications = createSqliteNotifications(db, now)

  return {
    memory: lazyMemory(() => import('./memory.js').then((m) => m.createSqliteMemory(db, now, whenFree))),
    // On the store's connection: the token lookup of every request then reads pages this
    // connection's own writes keep cached, instead of a second connection re-reading them.
    accounts: createSqliteAccounts(db, now),
    mtCache: createSqliteMtCache(db),
    terms: createSqliteTerms(db, now),
    // Its write retries a locked database as the other writes do (StoreBusy, 503, when it stays locked).
    assignments: { ...assignments, create: (batch) => whenFree(() => assignments.create(batch)) },
    activity: createSqliteActivity(db),
    comments: {
      ...comments,
      add: (input) => whenFree(() => comments.add(input)),
      reply: (parent, input) => whenFree(() => comments.reply(parent, input)),
      edit: (id, text, o) => whenFree(() => comments.edit(id, text, o)),
      resolve: (id, o) => whenFree(() => comments.resolve(id, o)),
      remove: (id, o) => whenFree(() => comments.remove(id, o)),
    },
    notifications: {
      ...notifications,
      add: (list) => whenFree(() => notifications.add(list)),
      markRead: (account, which) => whenFree(() => notifications.markRead(account, which)),
    },
    aligned: createSqliteAligned(db, translations),
    batches: createSqliteBatches(db, now),
    qa: createSqliteQa(db, now),
    resourceSets: {
      get: async (id) => resourceSets.get(id),
      list: async () => resourceSets.list(),
      addMissing: (input) => whenFree(() => resourceSets.addMissing(input)),
      importTree: (sets, o) => whenFree(() => resourceSets.importTree(sets, o.author)),
      pluralCounts: async (ids) => resourceSets.pluralCounts(ids),
    },
    getArticle: async (id) => articles.get(id),
    listArticles: async () => articles.list(),
    listArticlesPage: async (q) => listArticlesPage(q),
    archiveArticle: async (id, o) => archive.archive(id, o.by),
    restoreArticle: async (id, o) => archive.restore(id, o.by),
    getArchived: async (id) => archive.get(id),
    listArchived: async () => archive.list(),
    listUnits: async (articleId, o) => articles.units(articleId, o?.includeObsolete ?? false),
    unitPage: async (articleId, q) => pages.unitPage(articleId, q),
    getUnit: async (articleId, unitId) => pages.getUnit(articleId, unitId),
    async importArticle(input, o) {
      const importer = await importArticle()
      // Validated, read and aligned before the write transaction, which holds the lock briefly.
      const plan = importer.plan(input)
      if (o?.dryRun) return importer.dryRun(plan)
      return whenFree(() => importer.write(input, plan))
    },
    getTranslation: async (articleId, unitId, lang) =>
      translations.get(articleId, unitId, lang),
    listTranslations: async (articleId, lang) => translations.list(articleId, lang),
    writeTranslation: (write) => whenFree(() => translations.writeGrouped(write)),
    history: async (articleId, unitId, lang) => translations.history(articleId, unitId, lang),
    historyPage: async (articleId, unitId, q) => pages.historyPage(articleId, unitId, q),
    translationEvents: async (articleId, lang, after, limit) =>
      events.translationEvents(articleId, lang, after, limit),
    lastEventId: async () => events.lastEventId(),
    reportPresence: (p, at) => whenFree(() => presence.report(p, at)),
    presenceAfter: async (articleId, lang, after) => presence.after(articleId, lang, after),
    lastPresenceSeq: async () => presence.last(),
    coverage: async (o) => reports.coverage(o),
    pendingUnits: async (articleId, lang) => reports.pending(articleId, lang),
    articleCoverage: async (o) => wholeReports.articleCoverage(o),
    pendingUnitsByLang: async (articleId, langs) => wholeReports.pendingByLang(articleId, langs),
    pendingUnitsJson: async (articleId, langs) => wholeReports.pendingJson(articleId, langs),
    originWords: async (ids) => originWords(ids),
    textFaults: async () =>
      faults.all().map((r) => ({ articleId: r.article_id, unitId: r.unit_id === '' ? null : r.unit_id, lang: r.lang, what: r.what, problem: r.problem })),
    pendingUnitsJsonPage: async (articleId, lang, list, after, limit) =>
      wholeReports.pendingJsonPage(articleId, lang, list, after, limit),
    async backup(file) {
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
      // All pages in one step: one read snapshot, so the copy is consistent and a writer on
      // another connection cannot force the copy to restart (WAL lets that writer go on).
      await db.backup(file, { progress: () => 0x7fffffff })
    },
    async close() {
      if (db.open) db.close()
    },
  }
}
