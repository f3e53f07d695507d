/** Write tagged text back as markup: each code's original markup, each text run encoded. */
import { parseTagged, TaggedTextError } from './tagged-text.js'
import type { CodeData, Markup, Run } from './types.js'

export interface RenderContext {
  /** Encode a text run for where it is written (HTML: `&` and `<` as entities). */
  encode(text: string): string
  /** The text written for a unit a code's markup refers to (an `alt` attribute's translation). */
  unit(position: number): string
}

/** A markup's text, with its unit holes filled. */
export function renderMarkup(markup: Markup | undefined, ctx: RenderContext): string {
  if (!markup) return ''
  let out = ''
  for (const part of markup) out += typeof part === 'string' ? part : ctx.unit(part.unit)
  return out
}

/**
 * Render `tagged` with the unit's `codes`. Never fails, so an old translation whose codes do not
 * balance still gives a well-formed document: codes the unit lacks are left out, a close with no
 * open is left out, and paired codes still open at the end are closed there, innermost first.
 * A text that is not tagged text is written as text.
 */
export function renderTagged(tagged: string, codes: readonly CodeData[], ctx: RenderContext): string {
  let runs: Run[]
  try {
    runs = parseTagged(tagged)
  } catch (e) {
    if (!(e instanceof TaggedTextError)) throw e
    return ctx.encode(tagged)
  }
  const byId = new Map(codes.map((c) => [c.id, c]))
  const stack: CodeData[] = []
  let out = ''
  for (const r of runs) {
    if (r.type === 'text') {
      out += ctx.encode(r.text)
      continue
    }
    const code = byId.get(r.id)
    if (!code) continue
    if (code.kind === 'standalone') {
      if (r.kind === 'standalone') out += renderMarkup(code.data, ctx)
    } else if (r.kind === 'open') {
      if (stack.includes(code)) continue
      stack.push(code)
      out += renderMarkup(code.open, ctx)
    } else if (r.kind === 'close') {
      const at = stack.lastIndexOf(code)
      if (at < 0) continue
      // Close what opened inside it first, so the markup nests whatever the text did.
      while (stack.length > at) out += renderMarkup((stack.pop() as CodeData).close, ctx)
    }
  }
  while (stack.length > 0) out += renderMarkup((stack.pop() as CodeData).close, ctx)
  return out
}
