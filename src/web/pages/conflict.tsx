import type { TranslationOrigin } from '../../model/origin.js'
import { originHidden } from '../form-origin.js'
import type { ConflictVersions } from '../merge/conflict-versions.js'
import { placesToChoose } from '../merge/conflict-versions.js'
import { Csrf, Layout, type PageContext } from './layout.js'
import { FormError } from './notices.js'
import { WordDiff } from './word-diff.js'

/**
 * A save that raced a colleague's, without the script: the base, theirs and mine (each with a
 * word diff against the base), and the three-way merge of the two edits. When the edits do not
 * overlap, the merged text waits in a field, ready to save over their version; where they do,
 * each place is a group of radio buttons (mine or theirs) and the choice is posted to
 * `mergedAction`, which puts the text together on the server. Keep mine writes mine over the
 * version now current; take theirs writes nothing.
 */
export function ConflictPage(props: {
  ctx: PageContext
  action: string
  /** Where the choices of a merge with places to choose are posted. */
  mergedAction: string
  back: string
  lang: string
  dir: string
  /** What the translator sent; its origin goes on with "keep mine" (the same text), not with a merge. */
  mine: { text: string; state: string; origin: TranslationOrigin | null }
  versions: ConflictVersions
  /** Why the last merge post was refused (a place left unchosen). */
  error?: string | undefined
}) {
  const { ctx, mine, versions } = props
  const { base, theirs, parts } = versions
  const { t } = ctx
  const text = { lang: props.lang, dir: props.dir }
  const hidden = (
    <>
      <Csrf token={ctx.csrf} />
      <input type="hidden" name="version" value={String(theirs.version)} />
      <input type="hidden" name="state" value={mine.state} />
    </>
  )
  const places = placesToChoose(parts)
  let n = 0
  return (
    <Layout ctx={ctx} title={t('conflict.title')}>
      <h1>{t('conflict.title')}</h1>
      <FormError message={props.error} />
      <section class="conflict-base">
        <h2>{t('conflict.base', { version: base.version })}</h2>
        <p class="target" {...text}>
          {base.text || t('conflict.nothing')}
        </p>
      </section>
      <div class="conflict">
        <section>
          <h2>
            {t('conflict.theirs', { version: theirs.version })}
            {theirs.author ? ` · ${theirs.author}` : ''}
          </h2>
          <WordDiff before={base.text} after={theirs.text} {...text} />
          <p>
            <a href={props.back}>{t('conflict.takeTheirs')}</a>
          </p>
        </section>
        <section>
          <h2>{t('conflict.mine')}</h2>
          <WordDiff before={base.text} after={mine.text} {...text} />
          <form method="post" action={props.action}>
            {hidden}
            <input type="hidden" name="text" value={mine.text} />
            {Object.entries(originHidden(mine.origin)).map(([name, value]) => (
              <input type="hidden" name={name} value={value} />
            ))}
            <button type="submit">{t('conflict.keepMine')}</button>
          </form>
        </section>
      </div>
      {places === 0 ? (
        <form method="post" action={props.action} class="merge">
          {hidden}
          <label for="merged">{t('conflict.merged')}</label>
          <p class="hint">{t('conflict.mergeHint')}</p>
          <textarea id="merged" name="text" rows={4} {...text}>
            {parts.map((p) => (p.kind === 'same' ? p.text : '')).join('')}
          </textarea>
          <button type="submit" class="save-merged">
            {t('conflict.saveMerged')}
          </button>
        </form>
      ) : (
        <form method="post" action={props.mergedAction} class="merge">
          {hidden}
          <input type="hidden" name="basedOn" value={String(base.version)} />
          <input type="hidden" name="mine" value={mine.text} />
          <h2>{t('conflict.merged')}</h2>
          <p class="hint">{t('conflict.chooseHelp')}</p>
          <div class="merged-text" {...text}>
            {parts.map((p) => {
              if (p.kind === 'same') return <span>{p.text}</span>
              const i = ++n
              return (
                <fieldset class="choose-place">
                  <legend>{t('conflict.place', { n: i })}</legend>
                  <label>
                    <input type="radio" name={`choice-${i}`} value="mine" required />{' '}
                    {t('conflict.useMine', { text: p.mine || t('conflict.nothing') })}
                  </label>
                  <label>
                    <input type="radio" name={`choice-${i}`} value="theirs" required />{' '}
                    {t('conflict.useTheirs', { text: p.theirs || t('conflict.nothing') })}
                  </label>
                </fieldset>
              )
            })}
          </div>
          <button type="submit" class="save-merged">
            {t('conflict.saveMerged')}
          </button>
        </form>
      )}
    </Layout>
  )
}
