// Tolk editor: comments and queries in the active segment's panel, the counts on the rows, and
// the unread notifications in the header. The forms work without this file (they post and come
// back); with it they post in place, and the threads follow the live stream (editor.js passes
// its `comment` and `notifications` events on as `tolk:comment` and `tolk:notifications`).
'use strict'
;(() => {
  const body = document.body
  const article = body.dataset.article
  const lang = body.dataset.lang
  const csrf = body.dataset.csrf || ''

  // The header's unread count, on every page.
  document.addEventListener('tolk:notifications', (e) => {
    const n = Number(e.detail && e.detail.unread)
    const badge = document.getElementById('unread-count')
    if (!badge || !Number.isFinite(n)) return
    badge.textContent = String(n)
    badge.closest('.bell')?.classList.toggle('has-unread', n > 0)
  })
  if (!article || !lang) return

  const base = `/edit/${encodeURIComponent(article)}/${encodeURIComponent(lang)}`
  const back = (unit) => `${body.dataset.back || '?'}&active=${encodeURIComponent(unit)}`
  const rowOf = (unit) => document.getElementById(`u-${unit}`)
  const activeUnit = () => document.querySelector('.seg.active')?.dataset.unit

  /** The row's count: shown when there are comments, gone when none. */
  function setCount(unit, count, label) {
    const seg = rowOf(unit)
    if (!seg) return
    let mark = seg.querySelector(':scope > .ccount')
    if (count <= 0) return mark?.remove()
    if (!mark) {
      mark = document.createElement('span')
      mark.className = 'ccount'
      const st = seg.querySelector(':scope > .st')
      if (st) st.after(mark)
      else seg.append(mark)
    }
    const b = document.createElement('b')
    b.setAttribute('aria-hidden', 'true')
    b.textContent = `❝${count}`
    const sr = document.createElement('span')
    sr.className = 'sr-only'
    sr.textContent = label || String(count)
    mark.title = label || String(count)
    mark.replaceChildren(b, sr)
  }

  /** Put a unit's threads (HTML the server rendered, every text escaped there) in the panel. */
  function showThreads(unit, html) {
    const panel = document.getElementById('panel')
    if (!panel || activeUnit() !== unit) return
    const tpl = document.createElement('template')
    tpl.innerHTML = html
    const fresh = tpl.content.firstElementChild
    if (!fresh) return
    const old = panel.querySelector('#comments')
    // Keep what someone is typing in the panel's fields across a refresh from the stream.
    const typed = old ? Array.from(old.querySelectorAll('input[type=text]')).map((t) => [t.id, t.value, t === document.activeElement]) : []
    if (old) old.replaceWith(fresh)
    else panel.append(fresh)
    for (const [id, value, focused] of typed) {
      const t = id && fresh.querySelector(`#${CSS.escape(id)}`)
      if (!t) continue
      t.value = value
      if (focused) t.focus()
    }
    for (const time of fresh.querySelectorAll('time[datetime]')) {
      const d = new Date(time.dateTime)
      if (!Number.isNaN(d.getTime())) time.textContent = d.toLocaleString(document.documentElement.lang || undefined, { dateStyle: 'medium', timeStyle: 'short' })
    }
  }

  let asked = 0
  async function load(unit) {
    const mine = ++asked
    let res
    try {
      res = await fetch(`${base}/${encodeURIComponent(unit)}/comments${back(unit)}`, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    } catch {
      return
    }
    const data = await res.json().catch(() => undefined)
    if (!res.ok || !data || data.unit !== unit) return
    setCount(unit, data.count, data.countLabel)
    if (mine === asked || activeUnit() === unit) showThreads(unit, data.html)
  }

  document.addEventListener('tolk:active', (e) => {
    const unit = e.detail && e.detail.unit
    if (unit) void load(unit)
  })
  document.addEventListener('tolk:comment', (e) => {
    const unit = e.detail && e.detail.unit
    if (unit && rowOf(unit)) void load(unit)
  })

  // Ctrl+Enter in a comment field posts it, as it saves a translation in the translation's field.
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || !e.target.closest?.('#comments form')) return
    e.preventDefault()
    e.target.closest('form').requestSubmit()
  })

  // The panel's forms post in place; the answer is the unit's threads as they now are.
  document.addEventListener('submit', async (e) => {
    const form = e.target
    if (!(form instanceof HTMLFormElement) || !form.closest('#comments')) return
    e.preventDefault()
    const unit = form.closest('#comments').dataset.unit
    const status = form.closest('#comments').querySelector('.comment-status')
    let res
    try {
      res = await fetch(form.action, {
        method: 'POST',
        body: new URLSearchParams(new FormData(form)),
        headers: { Accept: 'application/json', 'X-CSRF-Token': csrf },
        credentials: 'same-origin',
      })
    } catch {
      if (status) status.textContent = '⚠'
      return
    }
    const data = await res.json().catch(() => undefined)
    if (!res.ok || !data) {
      const box = form.querySelector('.comment-error') || form.appendChild(document.createElement('p'))
      box.className = 'comment-error'
      box.setAttribute('role', 'alert')
      box.textContent = (data && data.detail) || String(res.status)
      return
    }
    setCount(unit, data.count, data.countLabel)
    const wasMain = form.classList.contains('comment-form')
    // Cleared first, so the refresh does not carry the posted text back in.
    for (const t of form.querySelectorAll('input[type=text]')) t.value = ''
    showThreads(unit, data.html)
    if (wasMain) document.getElementById('comment-text')?.focus()
  })
})()
