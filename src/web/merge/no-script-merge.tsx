import type { Context, Hono } from 'hono'
import { refuseWrite } from '../../auth/permissions.js'
import { formFields } from '../../http/strict-form.js'
import type { TranslationOrigin } from '../../model/origin.js'
import { VersionConflict } from '../../model/errors.js'
import { STATES, type State } from '../../model/translation.js'
import type { Store } from '../../store/types.js'
import { editTarget } from '../edit-target.js'
import type { WebDeps, WebEnv } from '../env.js'
import { doc, pageContext } from '../page-context.js'
import { ConflictPage } from '../pages/conflict.js'
import { MessagePage, type PageContext } from '../pages/layout.js'
import { textDirection } from '../text-direction.js'
import { applyChoices, conflictVersions, placesToChoose } from './conflict-versions.js'

/** Longest text a merge takes (a segment, not a document). */
const MAX_TEXT = 100_000

/** Where a conflict happened and what the translator sent. */
interface ConflictAt {
  articleId: string
  unitId: string
  lang: string
  mine: { text: string; state: string; origin: TranslationOrigin | null }
  basedOn: number
  /** The version theirs is read at (the one the merge form was made against); current when absent. */
  theirsVersion?: number
}

/**
 * The conflict page (412), or the same page again with a message (400) when a merge post left a
 * place unchosen. The save and merge forms post back with the query the editor page had.
 */
export async function renderConflict(
  c: Context<WebEnv>,
  store: Store,
  assets: PageContext['assets'],
  at: ConflictAt,
  status: 400 | 412,
  error?: string,
) {
  const versions = await conflictVersions(store, at, at.mine.text, at.basedOn, at.theirsVersion)
  const editor = `/edit/${encodeURIComponent(at.articleId)}/${encodeURIComponent(at.lang)}`
  const unit = `${editor}/${encodeURIComponent(at.unitId)}`
  const search = new URL(c.req.url).search
  return c.html(
    doc(
      <ConflictPage
        ctx={pageContext(c, assets)}
        action={`${unit}${search}`}
        mergedAction={`${unit}/merged${search}`}
        back={`${editor}${search}#u-${encodeURIComponent(at.unitId)}`}
        lang={at.lang}
        dir={textDirection(at.lang)}
        mine={at.mine}
        versions={versions}
        error={error}
      />,
    ),
    status,
  )
}

/**
 * The no-script merge: the conflict page's radio buttons (`choice-N`: mine or theirs for the Nth
 * place) with mine, the version it was made from and the version of theirs the page showed. The
 * server merges the same three texts again, puts the chosen sides in, and saves over theirs
 * through the usual versioned write; a place left unchosen gets the page again with a message,
 * and a colleague's newer save the conflict page against it.
 */
export function registerNoScriptMerge(web: Hono<WebEnv>, deps: WebDeps, assets: PageContext['assets']): void {
  const { store } = deps
  web.post('/edit/:article/:lang/:unit/merged', async (c) => {
    const { article, lang } = await editTarget(store, c)
    const unitId = c.req.param('unit')
    const principal = (c.get('session') as NonNullable<WebEnv['Variables']['session']>).principal
    const t = c.get('t')
    const body = await formFields(c)
    const mine = typeof body.mine === 'string' ? body.mine.replace(/\r\n?/g, '\n') : undefined
    const basedOn = Number(body.basedOn)
    const version = Number(body.version)
    const state: State = STATES.find((s) => s === body.state) ?? 'translated'
    const editor = `/edit/${encodeURIComponent(article.id)}/${encodeURIComponent(lang)}`
    const refuse = (status: 400 | 403, message: string) =>
      c.html(doc(<MessagePage ctx={pageContext(c, assets)} title={t('errors.title')} message={message} back={editor} />), status)
    if (mine === undefined || mine.length > MAX_TEXT || ![basedOn, version].every((v) => Number.isInteger(v) && v >= 0)) {
      return refuse(400, t('errors.badMerge'))
    }
    const refusal = refuseWrite(principal, lang, state === 'initial' ? 'translated' : state)
    if (refusal) return refuse(403, t('errors.forbidden', { reason: refusal }))
    const at = { articleId: article.id, unitId, lang, mine: { text: mine, state, origin: null }, basedOn, theirsVersion: version }
    const { parts } = await conflictVersions(store, at, mine, basedOn, version)
    const merged = applyChoices(parts, (n) => body[`choice-${n}`])
    if (merged === undefined) {
      return renderConflict(c, store, assets, at, 400, t('conflict.chooseFirst', { count: placesToChoose(parts) }))
    }
    try {
      await store.writeTranslation({
        articleId: article.id,
        unitId,
        lang,
        text: merged,
        state: merged.trim() === '' ? 'initial' : state,
        ifVersion: version,
        author: principal.account,
        origin: null,
      })
    } catch (err) {
      if (!(err instanceof VersionConflict)) throw err
      // Theirs moved on while the choice was made: the merged text is mine now, made from `version`.
      const { theirsVersion: _shown, ...rest } = at
      return renderConflict(c, store, assets, { ...rest, mine: { ...at.mine, text: merged }, basedOn: version }, 412)
    }
    return c.redirect(`${editor}${new URL(c.req.url).search}#u-${encodeURIComponent(unitId)}`, 303)
  })
}
