/**
 * The logical tables `tolk db copy` moves between backends, in an order that satisfies every
 * foreign key, with each column's kind: how its value is written canonically, whatever the
 * backend stores (SQLite 0/1 and PostgreSQL boolean are one `bool`; ISO text and timestamptz one
 * `time`; JSON text, json and jsonb one `json`).
 *
 * What is not here is rebuilt, not copied: the memory's word and gram indexes (each backend keeps
 * its own kind), its sync position (each backend's is its own kind too: the target's memory takes
 * the copied history in again on its first read, which adds nothing it already holds),
 * PostgreSQL's event ids, and what is only transient (presence, sign-in attempts, SQLite's
 * auth_version signal counter).
 * tests/store/db-copy.test.ts checks this list against both backends' schemas, so a column
 * added to one schema and not declared here fails a test rather than being left behind.
 */
export type Kind = 'text' | 'int' | 'bool' | 'time' | 'json'

export interface LogicalTable {
  name: string
  /**
   * Columns one backend keeps beside the logical ones, derived and rebuilt there rather than
   * copied (PostgreSQL's history `xact`, its memory entries' word lists): left to their defaults.
   */
  derived?: readonly string[]
  /** The primary key, in its order: rows are read, hashed and compared in this order. */
  key: string[]
  columns: Readonly<Record<string, Kind>>
}

const t = (name: string, key: string[], columns: Record<string, Kind>, derived?: string[]): LogicalTable => ({ name, key, columns, ...(derived ? { derived } : {}) })

export const COPIED_TABLES: readonly LogicalTable[] = [
  t('articles', ['id'], {
    id: 'text', tag: 'text', lang: 'text', title: 'text', revision: 'int', targets: 'json',
    live_units: 'int', live_words: 'int', created_at: 'time', updated_at: 'time', lead: 'text',
    source: 'text', format: 'text', skeleton: 'json', lang_confirmed: 'bool',
  }),
  t('units', ['article_id', 'id'], {
    article_id: 'text', id: 'text', position: 'int', block: 'int', kind: 'text', source: 'text',
    trailing: 'text', words: 'int', characters: 'int', hash: 'text', obsolete: 'bool', plural: 'text',
    borrowed: 'bool', key: 'text', codes: 'json', role: 'text',
  }),
  t('translations', ['article_id', 'unit_id', 'lang'], {
    article_id: 'text', unit_id: 'text', lang: 'text', text: 'text', state: 'text', stale: 'bool',
    version: 'int', author: 'text', updated_at: 'time', made_from: 'text', history_seq: 'int',
    reason: 'text', translator: 'text',
  }),
  t('history', ['seq'], {
    seq: 'int', article_id: 'text', unit_id: 'text', lang: 'text', version: 'int', old_text: 'text',
    new_text: 'text', old_state: 'text', new_state: 'text', author: 'text', at: 'time', prev_seq: 'int',
    memory_score: 'int', mt_engine: 'text', origin_edited: 'bool', aligned_confidence: 'int', batch_id: 'text',
    confirmation: 'bool', reason: 'text', translator: 'text',
  }, ['xact']),
  // Derived, but kept the same way on both backends: copied as they are (their triggers are off
  // while the copy loads) and verified like the rest.
  t('coverage_counts', ['article_id', 'lang', 'state'], {
    article_id: 'text', lang: 'text', state: 'text', units: 'int', words: 'int', stale_units: 'int', stale_words: 'int',
  }),
  t('plural_rules', ['lang', 'plural'], { lang: 'text', plural: 'text' }),
  t('plural_counts', ['article_id', 'plural'], { article_id: 'text', plural: 'text', units: 'int', words: 'int' }),
  t('text_faults', ['article_id', 'unit_id', 'lang', 'what'], {
    article_id: 'text', unit_id: 'text', lang: 'text', what: 'text', problem: 'text',
  }),
  t('archived_articles', ['article_id'], { article_id: 'text', archived_at: 'time', archived_by: 'text' }),
  t('archive_log', ['seq'], { seq: 'int', article_id: 'text', action: 'text', author: 'text', at: 'time' }),
  t('resource_sets', ['article_id'], { article_id: 'text', created_at: 'time', namespace: 'text' }),
  t('resource_files', ['article_id', 'lang'], {
    article_id: 'text', lang: 'text', indent: 'text', final_newline: 'bool', layout: 'json', extras: 'json',
  }),
  t('mt_cache', ['engine', 'src_lang', 'tgt_lang', 'source'], {
    engine: 'text', src_lang: 'text', tgt_lang: 'text', source: 'text', target: 'text', made_at: 'int',
  }),
  t('termbases', ['tag'], { tag: 'text' }),
  t('termbase_uses', ['tag', 'position'], { tag: 'text', position: 'int', uses: 'text' }),
  t('term_entries', ['id'], {
    id: 'int', tag: 'text', note: 'text', version: 'int', updated_at: 'time', updated_by: 'text',
  }),
  t('terms', ['entry_id', 'position'], {
    entry_id: 'int', position: 'int', lang: 'text', text: 'text', status: 'text', pos: 'text', note: 'text',
    case_sensitive: 'bool',
  }),
  t('assignments', ['id'], {
    id: 'int', batch: 'int', article_id: 'text', lang: 'text', account: 'text', segments: 'text', due: 'text',
    note: 'text', assigned_by: 'text', assigned_at: 'time',
  }),
  t('assignment_units', ['assignment_id', 'unit_id'], { assignment_id: 'int', unit_id: 'text' }),
  t('assignment_withdrawals', ['assignment_id'], { assignment_id: 'int', withdrawn_by: 'text', withdrawn_at: 'time' }),
  t('import_log', ['seq'], {
    seq: 'int', article_id: 'text', revision: 'int', kept: 'int', moved: 'int', stale: 'int', new: 'int',
    obsolete: 'int', author: 'text', at: 'time',
  }),
  t('comments', ['id'], {
    id: 'int', article_id: 'text', unit_id: 'text', lang: 'text', kind: 'text', parent_id: 'int', author: 'text',
    text: 'text', mentions: 'json', created_at: 'time', updated_at: 'time', version: 'int', edited: 'bool',
    deleted_by: 'text', deleted_at: 'time', answered_at: 'time', resolved_by: 'text', resolved_at: 'time',
  }),
  t('comment_history', ['comment_id', 'version'], {
    comment_id: 'int', version: 'int', action: 'text', text: 'text', by: 'text', at: 'time',
  }),
  t('comment_events', ['id'], { id: 'int', article_id: 'text', unit_id: 'text', lang: 'text', comment_id: 'int' }),
  t('notifications', ['id'], {
    id: 'int', account: 'text', kind: 'text', article_id: 'text', lang: 'text', unit_id: 'text', from_account: 'text',
    reason: 'text', comment_id: 'int', at: 'time', read_at: 'time',
  }),
  t('batches', ['id'], {
    id: 'text', action: 'text', lang: 'text', scope: 'json', params: 'json', author: 'text', created_at: 'time',
    status: 'text', applied_at: 'time', undone_at: 'time', undo_of: 'text', undone_by: 'text',
  }),
  t('batch_units', ['batch_id', 'seq'], {
    batch_id: 'text', seq: 'int', article_id: 'text', unit_id: 'text', lang: 'text', position: 'int', version_before: 'int',
    text_before: 'text', state_before: 'text', text_after: 'text', state_after: 'text', memory_score: 'int',
    version_after: 'int', made_from_before: 'text', made_from_after: 'text',
  }),
  t('qa_dismissals', ['article_id', 'lang', 'unit_id', 'check_id'], {
    article_id: 'text', unit_id: 'text', lang: 'text', check_id: 'text', text_hash: 'text', dismissed_by: 'text',
    reason: 'text', dismissed_at: 'time',
  }),
  t('accounts', ['id'], { id: 'int', name: 'text', created_at: 'time', disabled_at: 'time' }),
  t('grants', ['account_id', 'role', 'lang'], { account_id: 'int', role: 'text', lang: 'text' }),
  t('tokens', ['id'], {
    id: 'int', account_id: 'int', hash: 'text', created_at: 'time', expires_at: 'time', revoked_at: 'time',
  }),
  t('passwords', ['account_id'], { account_id: 'int', hash: 'text', updated_at: 'time' }),
  t('sessions', ['hash'], {
    hash: 'text', account_id: 'int', csrf: 'text', created_at: 'time', expires_at: 'time',
  }),
  t('tm_entries', ['id'], {
    id: 'int', origin: 'text', src_lang: 'text', tgt_lang: 'text', tag: 'text', src_hash: 'text',
    prev_hash: 'text', next_hash: 'text', article_id: 'text', unit_id: 'text', tmx_key: 'text',
    author: 'text', updated_at: 'time', source: 'text', target: 'text',
  }, ['index_keys', 'src_words', 'tgt_words']),
]
