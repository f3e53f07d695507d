import { describe, expect, it } from 'vitest'
import type { ArticleReport } from '../../src/report/build-report.js'
import { formatPendingText } from '../../src/report/format-text.js'

const counts = { initial: 0, translated: 0, reviewed: 0, final: 0, rejected: 0, stale: 0 }
const unit = (position: number) => ({ id: `u${String(position).padStart(11, '0')}`, position, source: `Sentence ${position}.` })

describe('the text report', () => {
  it('keeps ids and sources in their columns past position 9 (and 99), across languages', () => {
    const article: ArticleReport = {
      id: 'sv-general-01', tag: 'sv-general', lang: 'en', title: 't', revision: 1, units: 120, words: 240,
      languages: {
        sv: { coverage: 0, units: counts, words: counts, untranslated: [8, 9, 10, 11].map(unit), stale: [] },
        de: { coverage: 0, units: counts, words: counts, untranslated: [unit(1)], stale: [99, 120].map(unit) },
      },
    }
    const rows = formatPendingText(article).split('\n').filter((l) => l.startsWith('  #'))
    expect(rows).toHaveLength(7)
    const idColumns = new Set(rows.map((r) => r.indexOf(' u0')))
    expect(idColumns).toEqual(new Set([6]))
    expect(rows[0]).toBe('  #8   u00000000008  Sentence 8.')
    expect(rows[6]).toBe('  #120 u00000000120  Sentence 120.')
  })
})
