/**
 * `--baseline report.json`: a saved `--format json` result, so CI fails only on what got worse
 * (coverage dropped, keys newly untranslated, new placeholder errors) and a language can be ratcheted up.
 */
import { readFileSync } from 'node:fs'
import { InvalidInput } from '../model/errors.js'
import { ERROR_KINDS, type Problem } from './types.js'

/** A saved result, read once: coverage per language and the problems it already had. */
export interface Baseline {
  languages: Map<string, { coverage: number }>
  /** Whether the baseline already had this problem (same language, key and kind of problem). */
  has(p: Problem): boolean
  /** When each source key was first seen (`YYYY-MM-DD`, written by --update-baseline); empty in older baselines. */
  firstSeen: Map<string, string>
}

/** A baseline file that does not exist yet (the first --update-baseline writes it). */
export const NO_BASELINE: Baseline = { languages: new Map(), has: () => false, firstSeen: new Map() }

/**
 * Whether a key first seen on `date` is still in its grace period of `days` days on `today`
 * (all `YYYY-MM-DD`): a key without a date gets no grace, nor one dated when the baseline first
 * dated keys (`adopted`): it was there before.
 */
export function inGrace(date: string | undefined, days: number, today: string, adopted: string): boolean {
  if (date === undefined || days <= 0 || date <= adopted) return false
  return (Date.parse(today) - Date.parse(date)) / 86_400_000 < days
}

/**
 * Coverage gaps match each other (a missing key that became a partial plural is no new problem);
 * errors and QA findings (`qa:numbers`) only their own kind: an untranslated unit that is now
 * translated with a wrong number is a new problem.
 */
function identity(p: Pick<Problem, 'lang' | 'key' | 'kind'>): string {
  return `${p.lang}\u0000${ERROR_KINDS.has(p.kind) || p.kind.startsWith('qa:') ? p.kind : 'gap'}\u0000${p.key}`
}

/** Read and validate a baseline file; anything but a `tolk check --format json` result exits 2. */
export function readBaseline(path: string): Baseline {
  let data: unknown
  try {
    data = JSON.parse(readFileSync(path, 'utf8'))
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code ?? (err as Error).message
    throw new InvalidInput(`cannot read the baseline ${path}: ${why}`, 'unreadable-file')
  }
  const d = data as { languages?: unknown; problems?: unknown }
  if (typeof d !== 'object' || d === null || typeof d.languages !== 'object' || d.languages === null || !Array.isArray(d.problems)) {
    throw new InvalidInput(`${path} is not a tolk check JSON result (save one with --format json --output ${path})`, 'invalid-baseline')
  }
  const languages = new Map<string, { coverage: number }>()
  for (const [lang, v] of Object.entries(d.languages as Record<string, { coverage?: unknown }>)) {
    if (typeof v?.coverage === 'number') languages.set(lang, { coverage: v.coverage })
  }
  const seen = new Set<string>()
  for (const p of d.problems as Partial<Problem>[]) {
    if (typeof p?.lang === 'string' && typeof p.key === 'string' && typeof p.kind === 'string') seen.add(identity(p as Problem))
  }
  const firstSeen = new Map<string, string>()
  const dates = (data as { firstSeen?: unknown }).firstSeen
  if (typeof dates === 'object' && dates !== null) {
    for (const [key, date] of Object.entries(dates)) if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date)) firstSeen.set(key, date)
  }
  return { languages, has: (p) => seen.has(identity(p)), firstSeen }
}
