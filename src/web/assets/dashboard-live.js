// The dashboard's bars move when a translation is saved, in any `tolk serve` on the database:
// one event stream per tab (GET /dashboard/events) for the articles on the page; each
// `event: coverage` redraws one bar, its label and the words left. Without the script, or
// without EventSource, the page is as it was served.
const PARTS = ['reviewed', 'translated', 'stale', 'rejected', 'untranslated']

const bars = new Map()
for (const li of document.querySelectorAll('[data-coverage]')) bars.set(li.dataset.coverage, li)

function redraw(li, bar) {
  const svg = li.querySelector('svg.bar')
  if (svg) {
    let x = 0
    for (const k of PARTS) {
      const rect = svg.querySelector(`rect.part-${k}`)
      const w = bar.widths[k] ?? 0
      if (rect) {
        rect.setAttribute('x', x.toFixed(2))
        rect.setAttribute('width', w.toFixed(2))
      }
      x += w
    }
    svg.setAttribute('aria-label', bar.label)
  }
  const left = li.querySelector('[data-left]')
  if (left) left.textContent = bar.left
  // A percentage beside the bar, where the page shows one.
  const pct = li.querySelector('.pct')
  if (pct) {
    const format = new Intl.NumberFormat(document.documentElement.lang || undefined, { style: 'percent', maximumFractionDigits: 0 })
    pct.textContent = format.format(bar.done)
  }
}

if (bars.size > 0 && typeof EventSource === 'function') {
  const articles = [...new Set([...bars.keys()].map((k) => k.split(' ')[0]))]
  const live = new EventSource(`/dashboard/events?articles=${encodeURIComponent(articles.join(','))}`)
  live.addEventListener('coverage', (e) => {
    const bar = JSON.parse(e.data)
    const li = bars.get(`${bar.article} ${bar.lang}`)
    if (li) redraw(li, bar)
  })
  live.addEventListener('end', () => live.close())
}
