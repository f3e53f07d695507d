/**
 * Coverage badges like the translation-status badges projects show in their README: a flat SVG
 * with a label and a percentage, coloured by how complete the translation is.
 */

/** Colour steps, from complete (green) to barely started (red). */
const COLOURS: [number, string][] = [
  [1, '#4c1'],
  [0.9, '#97ca00'],
  [0.75, '#a4a61d'],
  [0.5, '#dfb317'],
  [0.25, '#fe7d37'],
  [0, '#e05d44'],
]

/** Approximate width of text in 11 px Verdana: narrow, normal and wide characters. */
function textWidth(s: string): number {
  let w = 0
  for (const ch of s) w += /[ilj.,:;'|!]/.test(ch) ? 3.5 : /[mwMW%@]/.test(ch) ? 10 : /[\u1100-\uffff]/.test(ch) ? 11 : 7
  return Math.round(w)
}

function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c)
}

/**
 * An SVG badge: `label` on grey, the coverage (0..1) as a whole percentage on a colour for it.
 * Used by `tolk check --badge FILE.svg` and meant for `GET /badge/:article/:lang.svg`.
 * @example renderBadge('sv', 0.87) // '<svg … 87 %</text>…'
 */
export function renderBadge(label: string, coverage: number): string {
  const share = Number.isFinite(coverage) ? Math.min(1, Math.max(0, coverage)) : 0
  // Never show 100 % unless it is: 99.6 % reads 99 %.
  const value = `${Math.floor(share * 100)}%`
  const colour = COLOURS.find(([min]) => share >= min)?.[1] ?? '#e05d44'
  const lw = textWidth(label) + 10
  const vw = textWidth(value) + 10
  const w = lw + vw
  const title = `${label}: ${value}`
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" role="img" aria-label="${esc(title)}">
<title>${esc(title)}</title>
<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
<clipPath id="r"><rect width="${w}" height="20" rx="3" fill="#fff"/></clipPath>
<g clip-path="url(#r)"><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${vw}" height="20" fill="${colour}"/><rect width="${w}" height="20" fill="url(#s)"/></g>
<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
<text x="${lw / 2}" y="15" fill="#010101" fill-opacity=".3">${esc(label)}</text><text x="${lw / 2}" y="14">${esc(label)}</text>
<text x="${lw + vw / 2}" y="15" fill="#010101" fill-opacity=".3">${esc(value)}</text><text x="${lw + vw / 2}" y="14">${esc(value)}</text>
</g>
</svg>
`
}
