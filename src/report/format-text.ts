import type { ArticleReport, Report } from './build-report.js'

const pct = (share: number) => `${(Math.floor(share * 1000) / 10).toFixed(1)} %`

/** The coverage table for a person: one row per article and language. */
export function formatSummaryTable(report: Report): string {
  const header = ['article', 'lang', 'coverage', 'units', 'initial', 'translated', 'reviewed', 'final', 'rejected', 'stale', 'words left']
  const rows: string[][] = [header]
  for (const a of report.articles) {
    for (const [lang, l] of Object.entries(a.languages)) {
      const wordsLeft = a.words - Math.round(l.coverage * a.words)
      rows.push([a.id, lang, pct(l.coverage), String(a.units), ...counts(l.units), String(wordsLeft)])
    }
  }
  const widths = header.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)))
  const lines = rows.map((r) =>
    r.map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ').trimEnd(),
  )
  if (report.articles.length === 0) lines.push('(no articles)')
  return `${lines.join('\n')}\n`
}

/**
 * One article's untranslated, stale and rejected segments, each with its position and id; '' when none.
 * Positions are padded to the article's widest, so ids and texts stay in columns past #9.
 */
export function formatPendingText(a: ArticleReport): string {
  const lists = Object.entries(a.languages).flatMap(([lang, l]) =>
    ([['untranslated', l.untranslated], ['stale', l.stale], ['rejected', l.rejected]] as const).map(([label, list]) => ({ lang, label, list: list ?? [] })),
  )
  const width = Math.max(0, ...lists.flatMap(({ list }) => list.map((u) => String(u.position).length)))
  const lines: string[] = []
  for (const { lang, label, list } of lists) {
    if (list.length === 0) continue
    lines.push('', `${a.id} ${lang}: ${list.length} ${label}`)
    for (const u of list) lines.push(`  ${`#${u.position}`.padEnd(width + 1)} ${u.id}  ${oneLine(u.source)}`)
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : ''
}

function counts(c: { initial: number; translated: number; reviewed: number; final: number; rejected: number; stale: number }): string[] {
  return [c.initial, c.translated, c.reviewed, c.final, c.rejected, c.stale].map(String)
}

function oneLine(s: string): string {
  const flat = s.replace(/\s+/g, ' ')
  return flat.length > 100 ? `${flat.slice(0, 99)}…` : flat
}
