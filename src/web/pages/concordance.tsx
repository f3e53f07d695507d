import { Layout, type PageContext } from './layout.js'

/** One concordance hit as the editor shows it. */
export interface Hit {
  source: string
  target: string
  articleId: string | null
}

/**
 * The memory search form of the editor: a plain GET to the concordance page, which the script
 * turns into a search in place (results under the form, announced politely).
 */
export function ConcordanceForm(props: { t: PageContext['t']; editor: string; q?: string }) {
  const { t } = props
  return (
    <form class="concordance" role="search" method="get" action={`${props.editor}/concordance`}>
      <label for="concordance-q">{t('memory.search')}</label>
      <input
        id="concordance-q"
        type="search"
        name="q"
        value={props.q ?? ''}
        maxlength={500}
        placeholder={t('memory.query')}
        required
      />
      <button type="submit">{t('memory.submit')}</button>
    </form>
  )
}

/** Concordance hits: each entry's source and translation, as text. */
export function HitList(props: {
  t: PageContext['t']
  hits: Hit[]
  srcLang: string
  lang: string
  dirs: { src: string; tgt: string }
}) {
  const { t, hits } = props
  if (hits.length === 0) return <p>{t('memory.nothing')}</p>
  return (
    <>
      <p>{t('memory.hits', { count: hits.length })}</p>
      <ol class="hits">
        {hits.map((h) => (
          <li>
            <p class="hit-source" lang={props.srcLang} dir={props.dirs.src}>
              {h.source}
            </p>
            <p class="hit-target" lang={props.lang} dir={props.dirs.tgt}>
              {h.target}
            </p>
          </li>
        ))}
      </ol>
    </>
  )
}

/** The concordance search as a page of its own (the editor without the script). */
export function ConcordancePage(props: {
  ctx: PageContext
  title: string
  q: string
  hits: Hit[]
  editor: string
  srcLang: string
  lang: string
  dirs: { src: string; tgt: string }
}) {
  const { ctx } = props
  return (
    <Layout ctx={ctx} title={props.title}>
      <h1>{props.title}</h1>
      <ConcordanceForm t={ctx.t} editor={props.editor} q={props.q} />
      <div id="concordance-results">
        <HitList t={ctx.t} hits={props.hits} srcLang={props.srcLang} lang={props.lang} dirs={props.dirs} />
      </div>
      <p>
        <a href={props.editor}>{ctx.t('editor.back')}</a>
      </p>
    </Layout>
  )
}
