/**
 * The verbs of `tolk`, each loaded only when run so that `tolk --version` and `--help` stay fast.
 * Every verb module exports `run(args: string[]): Promise<number>` and `HELP`.
 */
export interface VerbEntry {
  summary: string
  load: () => Promise<VerbModule>
}

export interface VerbModule {
  /** Full help text for `tolk VERB --help`. */
  HELP: string
  /** Runs the verb; resolves to the exit status (0 ok, 1 findings or partial failure, 2 bad usage or input). */
  run: (args: string[]) => Promise<number>
}

export const VERBS: Record<string, VerbEntry> = {
  serve: { summary: 'run the workbench service', load: () => import('./verbs/serve.js') },
  segment: { summary: 'split text into translation units', load: () => import('./verbs/segment.js') },
  import: { summary: 'import or re-import articles into the database', load: () => import('./verbs/import.js') },
  report: { summary: 'coverage and untranslated segments per language', load: () => import('./verbs/report.js') },
  translate: { summary: 'write one translation (version-checked, with history)', load: () => import('./verbs/translate.js') },
  check: { summary: 'CI gate: fail when translations are missing or broken (locale files, database, server)', load: () => import('./verbs/check.js') },
  export: { summary: 'write an article as XLIFF 2.0/1.2, TMX, PO, i18next JSON or text', load: () => import('./verbs/export.js') },
  align: { summary: 'bring in an existing translation: pair its sentences with an article\'s units', load: () => import('./verbs/align.js') },
  'import-translations': { summary: 'bring back translated XLIFF or PO files (version-checked)', load: () => import('./verbs/import-translations.js') },
  'import-locales': { summary: 'load an i18next tree (DIR/<lng>/<ns>.json) as resource sets and translations', load: () => import('./verbs/import-locales.js') },
  'export-locales': { summary: 'write the resource sets back as an i18next tree (byte-stable)', load: () => import('./verbs/export-locales.js') },
  'text-faults': { summary: 'list stored texts that break the text rule (stored before it was enforced)', load: () => import('./verbs/text-faults.js') },
  archive: { summary: 'archive articles or i18next namespaces: out of every listing, kept whole', load: () => import('./verbs/archive.js') },
  restore: { summary: 'bring archived articles or namespaces back unchanged', load: () => import('./verbs/restore.js') },
  backup: { summary: 'write a consistent copy of the database', load: () => import('./verbs/backup.js') },
  db: { summary: 'copy a whole workbench between SQLite and PostgreSQL, verified table by table', load: () => import('./verbs/db.js') },
  user: { summary: 'accounts: add, grant and revoke roles, set passwords, end sessions, remove', load: () => import('./verbs/user.js') },
  tm: { summary: 'translation memory: import/export TMX, concordance search', load: () => import('./verbs/tm.js') },
  pretranslate: { summary: 'fill untranslated units from the translation memory', load: () => import('./verbs/pretranslate.js') },
  replace: { summary: 'find and replace in translations (plain text or regex), previewed, undoable', load: () => import('./verbs/replace.js') },
  batch: { summary: 'bulk actions (set state, accept matches, copy source); apply and undo batches', load: () => import('./verbs/batch.js') },
  analyse: { summary: 'word analysis against the memory (repetitions, 101, 100, fuzzy bands, new)', load: () => import('./verbs/analyse.js') },
  terms: { summary: 'termbases: import/export TBX and CSV, search, add, and the tags a termbase uses', load: () => import('./verbs/terms.js') },
  assign: { summary: 'hand out work: assign an article and language to people (split by words), list assignments', load: () => import('./verbs/assign.js') },
  comment: { summary: 'comments and queries on units: add, list, reply, resolve', load: () => import('./verbs/comment.js') },
  qa: { summary: 'the QA overview of an article in a language: numbers, codes, terms, spaces, consistency', load: () => import('./verbs/qa.js') },
  token: { summary: 'create, list and revoke API tokens', load: () => import('./verbs/token.js') },
}
