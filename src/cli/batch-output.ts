/**
 * What `tolk replace` and `tolk batch` share: the scope and filter flags, the principal the
 * command line acts as, and how a batch's answer is printed.
 */
import { userInfo } from 'node:os'
import type { Principal } from '../auth/types.js'
import type { BatchFilter, BatchResult, BatchScope } from '../batch/types.js'
import { STATES, type State } from '../model/translation.js'
import { UsageError } from './output.js'

/** The options of every batch verb that plans (scope, filter, who, output). */
export const SCOPE_OPTIONS = {
  lang: { type: 'string' },
  tag: { type: 'string' },
  state: { type: 'string' },
  stale: { type: 'boolean' },
  'not-stale': { type: 'boolean' },
  range: { type: 'string' },
  'min-match': { type: 'string' },
  as: { type: 'string' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
} as const

export const SCOPE_HELP = `  --lang xx         the target language (required)
  --tag TAG         also every article and resource set of TAG (ARTICLE… may then be left out)
  --state S[,S…]    only units in these states (initial, translated, reviewed, final)
  --stale           only stale units (--not-stale: only the others)
  --range A-B       only units at positions A to B (1-based; 7 or 30- work too)
  --min-match N     only units whose best memory match scores at least N (0–101)
  --as NAME         who writes (default: TOLK_USER, else the system user name)
  --dry-run         preview only: list the changes and store the preview (apply it with
                    tolk batch apply ID)
  --json            print the API's answer ({id, dryRun, changes, skipped, …}) as JSON`

type ScopeValues = { [K in keyof typeof SCOPE_OPTIONS]?: (typeof SCOPE_OPTIONS)[K]['type'] extends 'boolean' ? boolean : string }

/** The scope and filter the flags give. */
export function scopeFromFlags(articles: string[], v: ScopeValues): { scope: BatchScope; filter: BatchFilter } {
  if (!v.lang) throw new UsageError('name the target language with --lang')
  if (articles.length === 0 && v.tag === undefined) throw new UsageError('give ARTICLE… or --tag TAG; see --help')
  const filter: BatchFilter = {}
  if (v.state !== undefined) {
    const states = v.state.split(',').map((s) => s.trim())
    for (const s of states) if (!(STATES as readonly string[]).includes(s)) throw new UsageError(`unknown --state "${s}": use ${STATES.join(', ')}`)
    filter.state = states as State[]
  }
  if (v.stale && v['not-stale']) throw new UsageError('give --stale or --not-stale, not both')
  if (v.stale || v['not-stale']) filter.stale = v.stale === true
  if (v.range !== undefined) filter.range = v.range
  if (v['min-match'] !== undefined) filter.minMatch = score(v['min-match'], '--min-match')
  return { scope: { ...(articles.length ? { articles } : {}), ...(v.tag !== undefined ? { tag: v.tag } : {}), lang: v.lang }, filter }
}

/** A score flag, 0–101. */
export function score(s: string, flag: string): number {
  if (!/^\d{1,3}$/.test(s) || Number(s) > 101) throw new UsageError(`${flag} takes a score from 0 to 101, not "${s}"`)
  return Number(s)
}

/** The command line acts with the database's full rights, as the named user. */
export function cliPrincipal(as: string | undefined): Principal {
  return { account: as ?? process.env.TOLK_USER ?? userInfo().username, grants: [{ role: 'admin', langs: [] }] }
}

/** A batch's answer for people: each change as a word diff ([-old-]{+new+}), skips, and a summary line. */
export function describeBatch(r: BatchResult): string {
  let out = ''
  for (const c of r.changes) {
    const diff = c.diff.map((d) => (d.op === 'same' ? d.text : d.op === 'removed' ? `[-${d.text}-]` : `{+${d.text}+}`)).join('')
    const state = c.stateBefore === c.stateAfter ? '' : ` (${c.stateBefore} → ${c.stateAfter})`
    out += `${c.article} ${c.position} ${c.unit}: ${diff}${state}\n`
  }
  for (const s of r.skipped) out += `${s.article} ${s.unit}: skipped (${s.reason}): ${s.detail}\n`
  const counts = `${r.changes.length} change${r.changes.length === 1 ? '' : 's'}, ${r.skipped.length} skipped`
  if (r.dryRun) out += `preview ${r.id}: ${counts} of ${r.examined} units; apply it with: tolk batch apply ${r.id}\n`
  else if (r.undoOf) out += `undid batch ${r.undoOf} as batch ${r.id}: ${counts}\n`
  else out += `applied batch ${r.id}: ${counts}; undo it with: tolk batch undo ${r.id}\n`
  return out
}
