/**
 * The words and trigrams the PostgreSQL memory indexes are those SQLite's FTS5 tokenizers make of
 * the same text: asked of the SQLite linked into better-sqlite3 (fts5vocab lists what it indexed).
 */
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ftsTokens, trigrams } from '../../src/tm/fts-words.js'

function fts5(tokenize: string) {
  const db = new Database(':memory:')
  db.exec(`CREATE VIRTUAL TABLE t USING fts5 (x, tokenize = '${tokenize}');
    CREATE VIRTUAL TABLE v USING fts5vocab (t, 'instance');`)
  const insert = db.prepare('INSERT INTO t (rowid, x) VALUES (1, ?)')
  const terms = db.prepare<[], { term: string }>('SELECT term FROM v ORDER BY offset')
  return (text: string): string[] => {
    db.exec('DELETE FROM t')
    insert.run(text)
    return terms.all().map((r) => r.term)
  }
}

const PIECES = [
  'The', 'café', 'Don’t', "it's", 'naïve', 'ÅÄÖ', 'Ærø', 'straße', 'İstanbul', 'ǅemal', 'ﬁne', 'ＡＢＣ',
  'नमस्ते', '日本語の', 'テキスト', 'Việt', 'Ελληνικά', 'Кириллица', '42', '3.14', '½', '①', 'x\u0301y',
  '{{name}}', '<b>', '😀', '—', '_', ' ', '  ', '.', ',', '-', "'",
]
const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 12 })
  .map((parts) => parts.join(''))

describe('the words of the word index', () => {
  it('are the words FTS5 unicode61 (remove_diacritics 2) makes of any text', () => {
    const sqlite = fts5('unicode61 remove_diacritics 2')
    fc.assert(fc.property(text, (t) => {
      expect(ftsTokens(t)).toEqual(sqlite(t))
    }), { numRuns: 2000 })
  })

  it('folds case and accents and splits at apostrophes, as FTS5 does', () => {
    expect(ftsTokens("Don't visit the CAFÉ, naïve İda")).toEqual(['don', 't', 'visit', 'the', 'cafe', 'naive', 'ida'])
  })

  // NUL ends a text for FTS5's trigram tokenizer; the one text rule keeps it out of Tolk's texts.
  it('are the trigrams FTS5 trigram makes of any text without NUL', () => {
    const sqlite = fts5('trigram')
    fc.assert(
      fc.property(text.map((t) => t.replaceAll('\u0000', '')), (t) => {
        expect([...trigrams(t)].sort()).toEqual([...new Set(sqlite(t))].sort())
      }),
      { numRuns: 1000 },
    )
  })
})
