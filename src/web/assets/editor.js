// Tolk editor: keyboard flow, saving in place, drafts kept in the browser until saved, and the
// conflict choice. The pages work without this file; it only adds to them. No framework, no
// build step: this file is served as it is (its name carries a hash of its content).
'use strict'
;(() => {
  const body = document.body
  const csrf = body.dataset.csrf || ''
  const article = body.dataset.article
  const lang = body.dataset.lang
  const strings = body.dataset.strings ? JSON.parse(body.dataset.strings) : {}
  const fill = (s, vars) =>
    String(s).replace(/\{(\w+)\}/g, (_, k) => (k in vars ? String(vars[k]) : ''))
  const store = {
    get(key) {
      try {
        const v = localStorage.getItem(key)
        return v === null ? undefined : JSON.parse(v)
      } catch {
        return undefined
      }
    },
    set(key, value) {
      try {
        if (value === undefined) localStorage.removeItem(key)
        else localStorage.setItem(key, JSON.stringify(value))
      } catch {
        // Private mode or a full quota: drafts are a convenience, saving still works.
      }
    },
  }
  if (!article || !lang) return

  const segs = () => Array.from(document.querySelectorAll('.seg'))
  const draftKey = (seg) => `tolk:draft:${article}:${lang}:${seg.dataset.unit}`
  const dismissKey = (seg) => `tolk:dismissed:${article}:${lang}:${seg.dataset.unit}`
  const area = (seg) => seg.querySelector('textarea')
  const statusOf = (seg) => seg.querySelector('.status')

  function setStatus(seg, text, kind) {
    const el = statusOf(seg)
    if (!el) return
    el.textContent = text
    el.className = `status${kind ? ` ${kind}` : ''}`
  }

  function applyDismissed(seg) {
    const gone = store.get(dismissKey(seg)) || []
    for (const li of seg.querySelectorAll('.hints li'))
      li.classList.toggle('dismissed', gone.includes(li.dataset.hint))
  }

  function renderHints(seg, hints) {
    const ul = seg.querySelector('.hints')
    if (!ul) return
    ul.replaceChildren(
      ...hints.map((h) => {
        const li = document.createElement('li')
        li.dataset.hint = h.key
        const span = document.createElement('span')
        span.textContent = h.text
        const button = document.createElement('button')
        button.type = 'button'
        button.className = 'dismiss'
        button.textContent = strings.dismiss
        li.append(span, button)
        return li
      }),
    )
    applyDismissed(seg)
  }

  function insertAtCursor(textarea, text) {
    const { selectionStart: a, selectionEnd: b, value } = textarea
    textarea.value = value.slice(0, a) + text + value.slice(b)
    textarea.selectionStart = textarea.selectionEnd = a + text.length
    textarea.dispatchEvent(new Event('input', { bubbles: true }))
    textarea.focus()
  }

  function copySource(seg) {
    const t = area(seg)
    const src = seg.querySelector('.source')
    if (!t || !src) return
    t.value = src.textContent
    t.dispatchEvent(new Event('input', { bubbles: true }))
    t.focus()
  }

  function setVersion(seg, version) {
    seg.dataset.version = String(version)
    const input = seg.querySelector('input[name="version"]')
    if (input) input.value = String(version)
  }

  function updateProgress(p) {
    const bar = document.getElementById('progress')
    if (bar) {
      bar.max = p.total
      bar.value = p.done
    }
    const text = document.getElementById('progress-text')
    if (text) text.textContent = p.text
    const left = document.getElementById('progress-left')
    if (left) left.textContent = p.left
  }

  function showConflict(seg, state, mine, current) {
    seg.querySelector('.conflict-box')?.remove()
    const box = document.createElement('div')
    box.className = 'conflict-box'
    box.setAttribute('role', 'alert')
    const h = document.createElement('h3')
    h.textContent = strings.conflictTitle
    const theirsLabel = document.createElement('p')
    theirsLabel.textContent = `${fill(strings.theirs, { version: current.version })}${current.author ? ` · ${current.author}` : ''}`
    const theirs = document.createElement('p')
    theirs.className = 'target theirs'
    theirs.textContent = current.text
    const mineLabel = document.createElement('p')
    mineLabel.textContent = strings.mine
    const mineText = document.createElement('p')
    mineText.className = 'target mine'
    mineText.textContent = mine
    const buttons = document.createElement('div')
    buttons.className = 'actions'
    const button = (label, cls, onClick) => {
      const b = document.createElement('button')
      b.type = 'button'
      b.className = cls
      b.textContent = label
      b.addEventListener('click', onClick)
      buttons.append(b)
      return b
    }
    const t = area(seg)
    const done = () => {
      box.remove()
      t.focus()
    }
    const keep = button(strings.keepMine, 'keep-mine', () => {
      setVersion(seg, current.version)
      t.value = mine
      done()
      save(seg, state)
    })
    button(strings.takeTheirs, 'take-theirs', () => {
      setVersion(seg, current.version)
      t.value = current.text
      store.set(draftKey(seg), undefined)
      setStatus(seg, '', '')
      done()
    })
    button(strings.merge, 'merge', () => {
      setVersion(seg, current.version)
      t.value = `${mine}\n${current.text}`
      saveDraft(seg)
      setStatus(seg, strings.mergeHint, '')
      done()
    })
    box.append(h, theirsLabel, theirs, mineLabel, mineText, buttons)
    t.closest('form').after(box)
    keep.focus()
  }

  // While typing: name the source's placeholders and markup the target does not hold (yet).
  function warnLostTokens(seg, text) {
    if (!seg.dataset.keep) return
    const lost =
      text.trim() === '' ? [] : JSON.parse(seg.dataset.keep).filter((k) => !text.includes(k))
    let el = seg.querySelector('.lost')
    if (lost.length === 0) return el?.remove()
    if (!el) {
      el = document.createElement('p')
      el.className = 'lost'
      seg.querySelector('.hints')?.before(el)
    }
    el.textContent = lost.map((token) => fill(strings.token, { token })).join(' · ')
  }

  function saveDraft(seg) {
    const t = area(seg)
    store.set(draftKey(seg), {
      text: t.value,
      basedOn: Number(seg.dataset.version),
      match: insertedOf.get(seg),
    })
  }

  // The memory match last put into each segment ({ text, score }). A save sends it as the text's
  // origin only while the text is still exactly that match: edited even by a letter, the text is
  // the translator's own and goes without one (the score would describe some other text).
  const insertedOf = new WeakMap()
  const lines = (s) => String(s).replace(/\r\n?/g, '\n')

  function originOf(seg, text) {
    const m = insertedOf.get(seg)
    return m && lines(m.text) === lines(text) ? m : undefined
  }

  async function save(seg, state) {
    const t = area(seg)
    const form = t && t.closest('form')
    if (!form) return false
    const text = t.value
    setStatus(seg, strings.saving, '')
    const data = new URLSearchParams({ text, version: seg.dataset.version, state, _csrf: csrf })
    const origin = originOf(seg, text)
    if (origin) {
      data.set('origin', 'memory')
      data.set('originScore', String(origin.score))
    }
    let res
    try {
      res = await fetch(form.action, {
        method: 'POST',
        body: data,
        headers: { Accept: 'application/json', 'X-CSRF-Token': csrf },
        credentials: 'same-origin',
      })
    } catch {
      setStatus(seg, fill(strings.failed, { reason: strings.networkError }), 'failed')
      return false
    }
    const json = await res.json().catch(() => ({}))
    if (res.status === 412 && json.current) {
      setStatus(seg, strings.conflictTitle, 'failed')
      showConflict(seg, state, text, json.current)
      return false
    }
    if (!res.ok) {
      setStatus(
        seg,
        fill(strings.failed, { reason: json.detail || `HTTP ${res.status}` }),
        'failed',
      )
      return false
    }
    const tr = json.translation
    // Someone may have typed on while the save travelled: keep that as a draft.
    if (t.value === text) store.set(draftKey(seg), undefined)
    // The match is in the history now; saving the same text again (say, as reviewed) is not
    // another insertion from the memory.
    if (origin) insertedOf.delete(seg)
    setVersion(seg, tr.version)
    seg.dataset.state = tr.state
    seg.dataset.open = tr.state === 'initial' || tr.stale ? '1' : '0'
    seg.className = seg.className
      .replace(/state-\w+/, `state-${tr.state}`)
      .replace(' is-stale', tr.stale ? ' is-stale' : '')
    const badge = seg.querySelector('.meta .badge')
    if (badge) {
      badge.className = `badge state-${tr.state}`
      badge.textContent = json.stateLabel
    }
    if (!tr.stale) seg.querySelector('.meta .badge.stale')?.remove()
    const meta = seg.querySelector('.meta')
    if (meta && meta.lastChild && meta.lastChild.nodeType === Node.TEXT_NODE)
      meta.lastChild.textContent = ` ${json.meta}`
    renderHints(seg, json.hints)
    updateProgress(json.progress)
    setStatus(seg, strings.saved, 'ok')
    memoryEpoch++
    return true
  }

  function focusSeg(seg) {
    if (!seg) return
    const t = area(seg)
    if (t) {
      t.focus()
      t.selectionStart = t.selectionEnd = t.value.length
    } else seg.querySelector('a, button')?.focus()
    seg.scrollIntoView({ block: 'center' })
  }

  function nextOpen(seg) {
    const all = segs()
    const i = all.indexOf(seg)
    const after = all.slice(i + 1).find((s) => s.dataset.open === '1')
    if (after) return focusSeg(after)
    if (body.dataset.next) {
      location.href = body.dataset.next
      return
    }
    const before = all.slice(0, i).find((s) => s.dataset.open === '1')
    focusSeg(before || all[i + 1])
  }

  // ---- Translation memory: the focused segment's top matches, fetched when it gets focus -----
  const base = `/edit/${encodeURIComponent(article)}/${encodeURIComponent(lang)}`
  const matchesOf = new WeakMap()
  // Bumped by every save: the memory may then hold a new entry, so matches are asked again.
  let memoryEpoch = 0
  let memoryTimer

  function el(tag, cls, text) {
    const e = document.createElement(tag)
    if (cls) e.className = cls
    if (text !== undefined) e.textContent = text
    return e
  }

  function memoryBox(seg) {
    let box = seg.querySelector('.tm')
    if (box) return box
    box = el('section', 'tm')
    box.setAttribute('aria-label', strings.tmTitle)
    const status = el('p', 'tm-status')
    status.setAttribute('role', 'status')
    box.append(status, el('ol', 'tm-list'))
    area(seg).closest('form').after(box)
    return box
  }

  function renderMatches(seg, matches) {
    matchesOf.set(seg, matches)
    const box = memoryBox(seg)
    const source = seg.querySelector('.source')
    const items = matches.map((m, i) => {
      const n = i + 1
      const li = el('li', 'tm-match')
      const head = el('p', 'tm-head')
      head.append(el('span', 'tm-score', fill(strings.tmScore, { score: m.score })))
      if (m.score > 100) head.append(el('span', 'tm-note', strings.tmContext))
      if (m.autoFixed) head.append(el('span', 'tm-note', strings.tmAutoFixed))
      const use = el('button', 'tm-use', fill(strings.tmInsert, { n }))
      use.type = 'button'
      use.dataset.n = String(n)
      use.setAttribute('aria-keyshortcuts', `Control+${n}`)
      head.append(use)
      // The memory's source with what the segment changed: removed words struck, added ones marked.
      const diff = el('p', 'tm-diff')
      if (source) {
        diff.lang = source.lang
        diff.dir = source.dir
      }
      diff.append(el('span', 'sr-only', fill(strings.tmDiff, { lang: body.dataset.srcName || '' })))
      for (const part of m.diff) {
        if (part.op === 'same') diff.append(document.createTextNode(part.text))
        else diff.append(el(part.op === 'removed' ? 'del' : 'ins', '', part.text))
      }
      const target = el('p', 'tm-target', m.target)
      target.lang = lang
      target.dir = area(seg).dir
      li.append(head, diff, target)
      return li
    })
    box.querySelector('.tm-list').replaceChildren(...items)
    box.querySelector('.tm-status').textContent =
      matches.length === 0
        ? strings.tmNone
        : fill(strings.tmFound, { count: matches.length, score: matches[0].score })
  }

  async function loadMatches(seg) {
    if (!area(seg) || seg.dataset.tmEpoch === String(memoryEpoch)) return
    seg.dataset.tmEpoch = String(memoryEpoch)
    const status = memoryBox(seg).querySelector('.tm-status')
    status.textContent = strings.tmLoading
    const failed = (reason) => {
      delete seg.dataset.tmEpoch
      status.textContent = fill(strings.tmFailed, { reason })
    }
    let res
    try {
      res = await fetch(`${base}/${encodeURIComponent(seg.dataset.unit)}/matches`, {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      })
    } catch {
      return failed(strings.networkError)
    }
    const json = await res.json().catch(() => ({}))
    if (!res.ok || !Array.isArray(json.matches)) return failed(json.detail || `HTTP ${res.status}`)
    renderMatches(seg, json.matches)
  }

  // Asked a moment after focus arrives, so moving quickly through rows asks only where it stops.
  function memoryFor(seg) {
    clearTimeout(memoryTimer)
    if (!seg || !area(seg)) return
    memoryTimer = setTimeout(() => {
      if (seg.contains(document.activeElement)) loadMatches(seg)
    }, 120)
  }

  function useMatch(seg, n) {
    const m = (matchesOf.get(seg) || [])[n - 1]
    const t = area(seg)
    if (!m || !t) return false
    // Remembered before the input event below, so the draft it writes keeps the match too.
    insertedOf.set(seg, { text: m.target, score: m.score })
    t.value = m.target
    t.dispatchEvent(new Event('input', { bubbles: true }))
    t.focus()
    t.selectionStart = t.selectionEnd = t.value.length
    setStatus(seg, fill(strings.tmInserted, { n }), '')
    return true
  }

  // Concordance search in place: results under the form, announced by their live region.
  const searchForm = document.querySelector('form.concordance')
  const results = document.getElementById('concordance-results')
  searchForm?.addEventListener('submit', async (e) => {
    e.preventDefault()
    if (!results) return
    const q = new FormData(searchForm).get('q')
    results.replaceChildren(el('p', '', strings.searching))
    let res
    try {
      res = await fetch(`${searchForm.action}?q=${encodeURIComponent(String(q || ''))}`, {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      })
    } catch {
      return results.replaceChildren(el('p', 'failed', fill(strings.tmFailed, { reason: strings.networkError })))
    }
    const json = await res.json().catch(() => ({}))
    if (!res.ok || !Array.isArray(json.hits)) {
      return results.replaceChildren(
        el('p', 'failed', fill(strings.tmFailed, { reason: json.detail || `HTTP ${res.status}` })),
      )
    }
    if (json.hits.length === 0) return results.replaceChildren(el('p', '', strings.nothing))
    const list = el('ol', 'hits')
    for (const h of json.hits) {
      const li = el('li')
      const src = el('p', 'hit-source', h.source)
      src.lang = body.dataset.srcLang || ''
      src.dir = body.dataset.srcDir || 'auto'
      const tgt = el('p', 'hit-target', h.target)
      tgt.lang = lang
      tgt.dir = body.dataset.dir || 'auto'
      li.append(src, tgt)
      list.append(li)
    }
    results.replaceChildren(el('p', '', fill(strings.hits, { count: json.hits.length })), list)
  })

  // Restore drafts, unhide what needs the script, apply dismissals.
  for (const seg of segs()) {
    applyDismissed(seg)
    seg.querySelector('button.copy')?.removeAttribute('hidden')
    const t = area(seg)
    if (!t) continue
    const draft = store.get(draftKey(seg))
    if (draft && typeof draft.text === 'string' && draft.text !== t.value) {
      t.value = draft.text
      // A draft made from an older version saves against that version, so a colleague's save in
      // between shows up as a conflict instead of being overwritten.
      if (Number.isInteger(draft.basedOn)) setVersion(seg, draft.basedOn)
      const m = draft.match
      if (m && typeof m.text === 'string' && Number.isInteger(m.score)) insertedOf.set(seg, m)
      setStatus(seg, strings.draftRestored, '')
    } else if (draft) store.set(draftKey(seg), undefined)
  }

  // Start where the work is: the row named in the address (after a form save), else the first
  // open segment, so the keyboard flow needs no mouse to begin.
  const named =
    location.hash.startsWith('#u-') &&
    document.getElementById(decodeURIComponent(location.hash.slice(1)))
  const start = named || segs().find((s) => s.dataset.open === '1' && area(s))
  if (start && area(start)) {
    area(start).focus()
    if (named) start.scrollIntoView({ block: 'center' })
    memoryFor(start)
  }

  document.addEventListener('input', (e) => {
    const seg = e.target.closest && e.target.closest('.seg')
    if (seg && e.target.tagName === 'TEXTAREA') {
      saveDraft(seg)
      warnLostTokens(seg, e.target.value)
    }
  })

  document.addEventListener('focusin', (e) => {
    const seg = e.target.closest && e.target.closest('.seg')
    for (const s of document.querySelectorAll('.seg.current'))
      if (s !== seg) s.classList.remove('current')
    seg?.classList.add('current')
    if (seg && !seg.contains(e.relatedTarget)) memoryFor(seg)
  })

  document.addEventListener('click', (e) => {
    const el = e.target.closest && e.target.closest('button')
    const seg = el && el.closest('.seg')
    if (!seg) return
    if (el.classList.contains('copy')) copySource(seg)
    else if (el.classList.contains('token')) insertAtCursor(area(seg), el.dataset.token)
    else if (el.classList.contains('tm-use')) useMatch(seg, Number(el.dataset.n))
    else if (el.classList.contains('dismiss')) {
      const key = el.closest('li').dataset.hint
      const gone = store.get(dismissKey(seg)) || []
      if (!gone.includes(key)) store.set(dismissKey(seg), [...gone, key])
      applyDismissed(seg)
      area(seg)?.focus()
    }
  })

  document.addEventListener('submit', (e) => {
    const seg = e.target.closest('.seg')
    if (!seg) return
    e.preventDefault()
    save(seg, (e.submitter && e.submitter.value) || 'translated')
  })

  document.addEventListener('keydown', async (e) => {
    const seg = e.target.closest && e.target.closest('.seg')
    if (!seg) return
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault()
      const reviewed = e.shiftKey
      if (reviewed && !seg.querySelector('button.review')) return
      if (await save(seg, reviewed ? 'reviewed' : 'translated')) nextOpen(seg)
    } else if (e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault()
      const all = segs()
      focusSeg(all[all.indexOf(seg) + (e.key === 'ArrowDown' ? 1 : -1)])
    } else if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && /^Digit[1-3]$/.test(e.code)) {
      if (useMatch(seg, Number(e.code.slice(5)))) e.preventDefault()
    } else if (e.altKey && e.code === 'KeyC') {
      e.preventDefault()
      copySource(seg)
    } else if (e.altKey && /^Digit[1-9]$/.test(e.code)) {
      const token = seg.querySelectorAll('button.token')[Number(e.code.slice(5)) - 1]
      if (token) {
        e.preventDefault()
        insertAtCursor(area(seg), token.dataset.token)
      }
    }
  })
})()
