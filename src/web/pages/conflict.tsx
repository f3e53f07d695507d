import type { TranslationOrigin } from '../../model/origin.js'
import { originHidden } from '../form-origin.js'
import { Csrf, Layout, type PageContext } from './layout.js'

/**
 * A save that raced a colleague's, without the script: both texts, and a form for each way out.
 * Keep mine and merge write over the version now current; take theirs writes nothing.
 */
export function ConflictPage(props: {
  ctx: PageContext
  action: string
  back: string
  lang: string
  dir: string
  /** What the translator sent; its origin goes on with "keep mine" (the same text), not with a merge. */
  mine: { text: string; state: string; origin: TranslationOrigin | null }
  theirs: { text: string; version: number; author: string | null }
}) {
  const { ctx, mine, theirs } = props
  const { t } = ctx
  const hidden = (
    <>
      <Csrf token={ctx.csrf} />
      <input type="hidden" name="version" value={String(theirs.version)} />
      <input type="hidden" name="state" value={mine.state} />
    </>
  )
  return (
    <Layout ctx={ctx} title={t('conflict.title')}>
      <h1>{t('conflict.title')}</h1>
      <div class="conflict">
        <section>
          <h2>
            {t('conflict.theirs', { version: theirs.version })}
            {theirs.author ? ` · ${theirs.author}` : ''}
          </h2>
          <p class="target" lang={props.lang} dir={props.dir}>
            {theirs.text}
          </p>
          <p>
            <a href={props.back}>{t('conflict.takeTheirs')}</a>
          </p>
        </section>
        <section>
          <h2>{t('conflict.mine')}</h2>
          <p class="target" lang={props.lang} dir={props.dir}>
            {mine.text}
          </p>
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
      <form method="post" action={props.action} class="merge">
        {hidden}
        <label for="merged">{t('conflict.merge')}</label>
        <p class="hint">{t('conflict.mergeHint')}</p>
        <textarea
          id="merged"
          name="text"
          lang={props.lang}
          dir={props.dir}
          rows={6}
        >{`${mine.text}\n${theirs.text}`}</textarea>
        <button type="submit">{t('conflict.merge')}</button>
      </form>
    </Layout>
  )
}
