import { sourceDiff } from '../source-diff.js'

/** A word diff of `after` against `before`, as text with <del> and <ins>. */
export function WordDiff(props: { before: string; after: string; lang: string; dir: string }) {
  return (
    <p class="diff-text" lang={props.lang} dir={props.dir}>
      {sourceDiff(props.before, props.after).map((p) =>
        p.op === 'del' ? <del>{p.text}</del> : p.op === 'ins' ? <ins>{p.text}</ins> : p.text,
      )}
    </p>
  )
}
