import { tagSpans } from '../../codes/insertable.js'
import type { CodeData } from '../../codes/types.js'
import { esc } from '../pages/row.js'

/**
 * Tagged text as HTML with each code tag in a chip: `<span class="code" title="link">⟦1⟧</span>`.
 * The chips hold the notation itself, so the element's text is the tagged text unchanged (a
 * literal `⟦` stays `⟦⟦`): what Copy source and a reader's copy take is always valid to save.
 * `codes` (the unit's) names what each chip stands for in its title.
 */
export function chipsHtml(tagged: string, codes?: readonly CodeData[]): string {
  const spans = tagSpans(tagged)
  if (spans.length === 0) return esc(tagged)
  const what = new Map((codes ?? []).map((c) => [c.id, c.what]))
  let out = ''
  let from = 0
  for (const s of spans) {
    out += esc(tagged.slice(from, s.start))
    const title = what.get(s.id)
    out += `<span class="code"${title ? ` title="${esc(title)}"` : ''}>${esc(tagged.slice(s.start, s.end))}</span>`
    from = s.end
  }
  return out + esc(tagged.slice(from))
}
