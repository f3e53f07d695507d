import { applyBatch, planAndApply, undoBatch } from '../../batch/apply.js'
import { planBatch } from '../../batch/plan.js'
import type { BatchRequest } from '../../batch/types.js'
import { checkId } from '../../model/ids.js'
import { STATES, type State } from '../../model/translation.js'
import { cliPrincipal, describeBatch, SCOPE_HELP, SCOPE_OPTIONS, score, scopeFromFlags } from '../batch-output.js'
import { parseVerbArgs, UsageError, writeOut } from '../output.js'
import { DB_HELP, DB_OPTION, withStore } from '../store-access.js'

export const HELP = `Usage: tolk batch apply ID | undo ID [--as NAME] [--json] [--db FILE]
       tolk batch set-state ARTICLE… --lang sv --to reviewed [filters] [--dry-run] [--json]
       tolk batch accept-match ARTICLE… --lang sv [--min 100] [filters] [--dry-run] [--json]
       tolk batch copy-source ARTICLE… --lang sv [filters] [--dry-run] [--json]

Bulk actions on the units of one or more articles (or a tag's, with --tag) in one language,
each with the preview, version check and undo of tolk replace:

  apply ID       apply a preview made with --dry-run (here or by POST /api/batch)
  undo ID        put each unit the batch wrote back to its text and state before it, unless
                 it was written after the batch (those are listed and left alone)
  set-state      set the state of the selected units that have a text (--to S)
  accept-match   fill untranslated units with their best memory match of at least --min %
                 (as tolk pretranslate --min N), state translated
  copy-source    copy the source into untranslated units with no letters (numbers, codes)

Options:
  --to S            set-state: initial, translated, reviewed or final
  --min N           accept-match: the lowest match score used, 0–101 (default 100)
${SCOPE_HELP}
${DB_HELP}
  -h, --help        this help

Exit status: 0 done (skipped units are listed), 2 bad usage or input (unknown batch, one applied
or undone already, unknown article).`

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, { ...DB_OPTION, ...SCOPE_OPTIONS, to: { type: 'string' }, min: { type: 'string' } })
  const [sub, ...rest] = positionals
  const who = cliPrincipal(values.as)
  let result
  if (sub === 'apply' || sub === 'undo') {
    if (rest.length !== 1) throw new UsageError(`give the batch id: tolk batch ${sub} ID`)
    const id = rest[0]!
    result = await withStore(values.db, (store) => (sub === 'apply' ? applyBatch(store, id, who) : undoBatch(store, id, who)))
  } else if (sub === 'set-state' || sub === 'accept-match' || sub === 'copy-source') {
    const { scope, filter } = scopeFromFlags(rest.map((a) => checkId(a, 'article id')), values)
    let request: BatchRequest
    if (sub === 'set-state') {
      if (!values.to || !(STATES as readonly string[]).includes(values.to)) throw new UsageError(`set-state needs --to with one of ${STATES.join(', ')}`)
      request = { action: sub, scope, filter, state: values.to as State }
    } else if (sub === 'accept-match') request = { action: sub, scope, filter, min: score(values.min ?? '100', '--min') }
    else request = { action: sub, scope, filter }
    result = await withStore(values.db, async (store) => {
      return values['dry-run'] ? planBatch(store, request, who) : planAndApply(store, request, who)
    })
  } else {
    throw new UsageError(sub === undefined ? 'name what to do: apply, undo, set-state, accept-match or copy-source; see --help' : `unknown batch action "${sub}"; see --help`)
  }
  await writeOut(values.json ? `${JSON.stringify(result, null, 2)}\n` : describeBatch(result))
  return 0
}
