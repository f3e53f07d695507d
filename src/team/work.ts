import type { Store } from '../store/types.js'
import type { Assignment } from './types.js'

/** An assignment as "my work" shows it: whether its due date has passed with words still left. */
export interface WorkItem extends Assignment {
  overdue: boolean
}

/** One person's work: open assignments first, soonest due first (none due last), then done ones. */
export interface MyWork {
  user: string
  /** The day overdue is judged against (ISO date, UTC). */
  today: string
  wordsLeft: number
  overdue: number
  assignments: WorkItem[]
}

/** One person's load in one language, for coordinators. */
export interface Load {
  lang: string
  user: string
  assignments: number
  words: number
  wordsLeft: number
  overdue: number
}

/** The most assignments "my work" and the load read (newest first). */
const MAX_READ = 1000

/** Today as an ISO date in UTC. */
export const isoDay = (now: Date): string => now.toISOString().slice(0, 10)

const withOverdue = (a: Assignment, today: string): WorkItem => ({ ...a, overdue: a.due !== null && a.due < today && a.wordsLeft > 0 })

/** What `user` has been given (and not withdrawn), as "my work": open first, by due date. */
export async function myWork(store: Store, user: string, now = new Date()): Promise<MyWork> {
  const today = isoDay(now)
  const items = (await store.assignments.list({ user, withdrawn: false, limit: MAX_READ })).map((a) => withOverdue(a, today))
  const open = (a: WorkItem) => (a.wordsLeft > 0 ? 0 : 1)
  items.sort((a, b) => open(a) - open(b) || (a.due ?? '9999') .localeCompare(b.due ?? '9999') || b.id - a.id)
  return {
    user,
    today,
    wordsLeft: items.reduce((n, a) => n + a.wordsLeft, 0),
    overdue: items.filter((a) => a.overdue).length,
    assignments: items,
  }
}

/**
 * Everyone's load per language (open assignments only: words left above 0, not withdrawn), in the languages
 * given (`'*'`: all), by language then person.
 */
export async function teamLoad(store: Store, langs: readonly string[] | '*', now = new Date()): Promise<Load[]> {
  if (langs !== '*' && langs.length === 0) return []
  const today = isoDay(now)
  const lists = langs === '*'
    ? [await store.assignments.list({ withdrawn: false, limit: MAX_READ })]
    : await Promise.all(langs.map((lang) => store.assignments.list({ lang, withdrawn: false, limit: MAX_READ })))
  const byKey = new Map<string, Load>()
  for (const a of lists.flat().map((x) => withOverdue(x, today))) {
    if (a.wordsLeft === 0) continue
    const key = `${a.lang}\u0000${a.user}`
    const load = byKey.get(key) ?? { lang: a.lang, user: a.user, assignments: 0, words: 0, wordsLeft: 0, overdue: 0 }
    load.assignments++
    load.words += a.words
    load.wordsLeft += a.wordsLeft
    if (a.overdue) load.overdue++
    byKey.set(key, load)
  }
  return [...byKey.values()].sort((a, b) => (a.lang === b.lang ? (a.user < b.user ? -1 : 1) : a.lang < b.lang ? -1 : 1))
}
