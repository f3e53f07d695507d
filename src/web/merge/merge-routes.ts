import type { Hono } from 'hono'
import { problem, sendProblem } from '../../http/problem.js'
import { formFields } from '../../http/strict-form.js'
import type { WebDeps, WebEnv } from '../env.js'
import { editTarget } from '../edit-target.js'
import { sourceDiff } from '../source-diff.js'
import { conflictVersions } from './conflict-versions.js'

/** Longest text a merge is asked for (a segment, not a document). */
const MAX_TEXT = 100_000

/**
 * The three versions of a conflict, for the script: after a save came back 412, it posts the
 * text it tried (`mine`) and the version it was made from (`basedOn`), and gets the base (the
 * history entry of that version), theirs (the current translation), a word diff of each side
 * against the base, and the three-way word merge to start from. Nothing is written here: the
 * merged text is saved through the usual versioned write.
 */
export function registerMerge(web: Hono<WebEnv>, deps: WebDeps): void {
  const { store } = deps
  web.post('/edit/:article/:lang/:unit/merge', async (c) => {
    const { article, lang } = await editTarget(store, c)
    const unitId = c.req.param('unit')
    const body = await formFields(c)
    const mine = typeof body.mine === 'string' ? body.mine.replace(/\r\n?/g, '\n') : undefined
    const basedOn = Number(body.basedOn)
    if (mine === undefined || mine.length > MAX_TEXT || !Number.isInteger(basedOn) || basedOn < 0) {
      return sendProblem(c, problem(400, 'invalid-input', c.get('t')('errors.badMerge')))
    }
    const v = await conflictVersions(store, { articleId: article.id, unitId, lang }, mine, basedOn)
    return c.json({
      base: v.base,
      theirs: { ...v.theirs, diff: sourceDiff(v.base.text, v.theirs.text) },
      mine: { text: mine, diff: sourceDiff(v.base.text, mine) },
      parts: v.parts,
    })
  })
}
