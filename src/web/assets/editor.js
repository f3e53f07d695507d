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
  // Times in the reader's own zone and the page's language; the server wrote them in UTC.
  const timeFormat = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  })
  const localTime = (iso) => {
    const d = new Date(iso)
    return Number.isNaN(d.getTime()) ? iso : timeFormat.format(d)
  }
  for (const t of document.querySelectorAll('time[datetime]')) t.textContent = localTime(t.dateTime)
  if (!article || !lang) return

  const segs = () => Array.from(document.querySelectorAll('.seg'))
  const draftKey = (seg) => `tolk:draft:${article}:${lang}:${seg.dataset.unit}`
  // The grid has one editable field, in the active row; the panel of tools goes with it.
  const panel = () => document.getElementById('panel')
  const activeSeg = () => document.querySelector('.seg.active')
  const area = (seg) => (seg && seg.classList.contains('active') ? seg.querySelector('.tgt textarea') : null)
  const statusOf = (seg) => (seg && seg.classList.contains('active') ? seg.querySelector('.status') : null)
  // The saved text of every row: a row that is not active may show a draft instead.
  const savedText = new Map()
  // What this page last told the others about where it is (see tellPresence).
  let told = ''
  let toldAt = 0
  let typingTimer
  // The latest version of each row this page knows of (a draft may be based on an older one).
  const knownVersion = new Map()
  // The text of each row's save still on its way: its own echo on the live stream is not news.
  const inFlight = new Map()
  const json = (v, fallback) => {
    try {
      return v ? JSON.parse(v) : fallback
    } catch {
      return fallback
    }
  }

  function setStatus(seg, text, kind) {
    const el = statusOf(seg)
    if (!el) return
    el.textContent = text
    el.className = `status${kind ? ` ${kind}` : ''}`
  }

  // Dismissals are the server's, shared by everyone (per unit, language and QA check, until the
  // text changes): the row's hints say which are dismissed.
  function applyDismissed(seg) {
    const gone = json(seg.dataset.hints, []).filter((h) => h.dismissed).map((h) => h.key)
    for (const li of seg.querySelectorAll('.panel .hints li'))
      li.classList.toggle('dismissed', gone.includes(li.dataset.hint))
  }

  async function dismissHint(seg, key) {
    const url = `/edit/${encodeURIComponent(article)}/${encodeURIComponent(lang)}/${encodeURIComponent(seg.dataset.unit)}/qa/dismiss`
    try {
      const res = await fetch(url, {
        method: 'POST',
        body: new URLSearchParams({ check: key, reason: '', _csrf: csrf }),
        headers: { Accept: 'application/json', 'X-CSRF-Token': csrf },
      })
      if (!res.ok) throw new Error(String(res.status))
    } catch {
      setStatus(seg, strings.dismissFailed || '', 'error')
      return
    }
    const hints = json(seg.dataset.hints, []).map((h) => (h.key === key ? { ...h, dismissed: true } : h))
    seg.dataset.hints = JSON.stringify(hints)
    applyDismissed(seg)
  }

  function renderHints(seg, hints) {
    const ul = seg.querySelector('.panel .hints')
    if (!ul) return
    ul.replaceChildren(
      ...hints.map((h) => {
        const li = document.createElement('li')
        li.dataset.hint = h.key
        if (h.dismissed) li.className = 'dismissed'
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

  // ---- Codes as chips: the field keeps the notation (⟦1⟧…⟦/1⟧, ⟦2/⟧), drawn as chips ----------
  // The textarea stays the one field (drafts, merges and saves read its value), with its text made
  // transparent over a layer that draws the same text with each code tag as a chip. Edits that
  // would cut a tag take it whole (a paired code's other end with it), and the caret never rests
  // inside one. The functions on tagged text are TolkCodes (src/codes/insertable.ts).
  const codeLib = typeof TolkCodes === 'object' ? TolkCodes : undefined
  const sourceText = (seg) => seg?.querySelector('.source')?.textContent ?? ''
  const hasCodes = (seg) => Boolean(codeLib && seg && codeLib.sourceCodes(sourceText(seg)).length > 0)

  // Text with each tag in a <span class="code">, as the server draws sources and targets.
  function chipsInto(node, text) {
    const parts = []
    let from = 0
    for (const s of codeLib ? codeLib.tagSpans(text) : []) {
      if (s.start > from) parts.push(document.createTextNode(text.slice(from, s.start)))
      parts.push(el('span', 'code', text.slice(s.start, s.end)))
      from = s.end
    }
    if (from < text.length || parts.length === 0) parts.push(document.createTextNode(text.slice(from)))
    node.replaceChildren(...parts)
  }

  const valueOf = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')

  // The field's wrapper and chip layer, made once; they move with the field from row to row.
  function fieldOf(t) {
    if (t.parentElement?.classList.contains('field')) return t.parentElement
    const field = el('div', 'field')
    const layer = el('div', 'chips')
    layer.setAttribute('aria-hidden', 'true')
    t.replaceWith(field)
    field.append(layer, t)
    // Every way the text changes (typing, a match taken, a draft restored, a merge) redraws it.
    Object.defineProperty(t, 'value', {
      configurable: true,
      get() {
        return valueOf.get.call(this)
      },
      set(v) {
        valueOf.set.call(this, v)
        drawChips(this)
      },
    })
    t.addEventListener('input', () => drawChips(t))
    t.addEventListener('scroll', () => (layer.scrollTop = t.scrollTop))
    t.addEventListener('beforeinput', keepChipsWhole)
    t.addEventListener('keyup', (e) => {
      const towards = e.key === 'ArrowLeft' || e.key === 'Home' ? 'start' : e.key === 'ArrowRight' || e.key === 'End' ? 'end' : 'nearest'
      if (e.key.startsWith('Arrow') || e.key === 'Home' || e.key === 'End') caretOutOfChips(t, towards)
    })
    t.addEventListener('mouseup', () => caretOutOfChips(t, 'nearest'))
    if (typeof ResizeObserver === 'function') new ResizeObserver(() => drawChips(t)).observe(t)
    return field
  }

  function drawChips(t) {
    const field = t.parentElement
    if (!field?.classList.contains('field')) return
    const seg = t.closest('.seg')
    const on = hasCodes(seg) || (codeLib ? codeLib.tagSpans(t.value).length > 0 : false)
    field.classList.toggle('chips-on', on)
    const layer = field.querySelector('.chips')
    if (!on) return layer.replaceChildren()
    // The layer takes the field's inner box (the scroll bar left out), so lines wrap alike.
    const cs = getComputedStyle(t)
    layer.style.top = cs.borderTopWidth
    layer.style.left = cs.borderLeftWidth
    layer.style.width = `${t.clientWidth}px`
    layer.style.height = `${t.clientHeight}px`
    layer.style.padding = cs.padding
    layer.dir = t.dir
    // A last line break needs a character after it to take its line, as the field gives it one.
    chipsInto(layer, t.value.endsWith('\n') ? `${t.value} ` : t.value)
    layer.scrollTop = t.scrollTop
  }

  function caretOutOfChips(t, towards) {
    if (!codeLib || t.selectionStart !== t.selectionEnd) return
    const at = codeLib.snapOut(t.value, t.selectionStart, towards)
    if (at !== t.selectionStart) t.setSelectionRange(at, at)
  }

  // Put an edit's text and selection into the field as typing would: the changed stretch replaced
  // through the browser's own editing, so Ctrl+Z takes the edit back in one step and the input
  // event (drafts, chips) follows; setting the value is the fallback.
  let editing = false
  function applyEdit(t, edit) {
    const old = t.value
    const next = edit.text
    let p = 0
    while (p < old.length && p < next.length && old[p] === next[p]) p++
    let s = 0
    while (s < old.length - p && s < next.length - p && old[old.length - 1 - s] === next[next.length - 1 - s]) s++
    const insert = next.slice(p, next.length - s)
    t.focus()
    t.setSelectionRange(p, old.length - s)
    editing = true
    let done = false
    try {
      done = document.execCommand(insert === '' ? 'delete' : 'insertText', false, insert)
    } finally {
      editing = false
    }
    if (!done || t.value !== next) {
      t.value = next
      t.dispatchEvent(new Event('input', { bubbles: true }))
    }
    t.setSelectionRange(edit.start, edit.end)
  }

  // Before the field changes: a deletion or replacement that touches a tag takes it whole, and
  // typing at a caret inside a tag types beside it.
  function keepChipsWhole(e) {
    const t = e.target
    if (!codeLib || e.isComposing || editing) return
    const { selectionStart: a, selectionEnd: b } = t
    const text = t.value
    const spans = codeLib.tagSpans(text)
    if (spans.length === 0) return
    const type = e.inputType || ''
    // Undo and redo put back texts that were whole already.
    if (type.startsWith('history')) return
    // What goes in: typed or pasted text; a line break; nothing for a deletion; unknown (undefined)
    // for an insertion whose text the event does not carry.
    let typed = e.data ?? e.dataTransfer?.getData('text/plain')
    if (typed == null) typed = type === 'insertLineBreak' || type === 'insertParagraph' ? '\n' : type.startsWith('insert') ? undefined : ''
    let edit
    if (a !== b) {
      if (!spans.some((s) => s.start < b && s.end > a)) return
      edit = codeLib.deleteRange(text, a, b)
    } else if (type.startsWith('delete')) {
      edit = codeLib.deleteAtCaret(text, a, type.includes('Backward') ? 'backward' : 'forward')
      if (!edit) return
    } else {
      const at = codeLib.snapOut(text, a)
      if (at === a) return
      edit = { text, start: at, end: at }
    }
    if (typed === undefined) {
      // An insertion whose text is not known here: make room the chip-safe way, and let it land there.
      if (edit.text !== text) applyEdit(t, { text: edit.text, start: edit.start, end: edit.start })
      else t.setSelectionRange(edit.start, edit.start)
      return
    }
    e.preventDefault()
    const at = edit.start
    applyEdit(t, { text: edit.text.slice(0, at) + typed + edit.text.slice(at), start: at + typed.length, end: at + typed.length })
  }

  // Alt+N and the panel's buttons: a code of the source goes in whole (a paired code around the
  // selection, moved there when the text has it); a found placeholder is typed at the caret.
  function insertToken(seg, token) {
    const t = area(seg)
    if (!t) return
    const tag = codeLib && hasCodes(seg) ? codeLib.tagSpans(token)[0] : undefined
    if (!tag) return insertAtCursor(t, token)
    const code = { id: tag.id, kind: tag.kind === 'standalone' ? 'standalone' : 'paired' }
    applyEdit(t, codeLib.insertCode(t.value, t.selectionStart, t.selectionEnd, code))
    t.focus()
  }

  // Alt+0: the next code of the source that the translation lacks.
  function insertMissingCode(seg) {
    const t = area(seg)
    if (!t || !codeLib) return false
    const edit = codeLib.insertMissing(sourceText(seg), t.value, t.selectionStart, t.selectionEnd)
    if (!edit) {
      setStatus(seg, strings.noCodeMissing, '')
      return true
    }
    applyEdit(t, edit)
    return true
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
    const src = seg && seg.querySelector('.source')
    if (!t || !src) return
    t.value = src.textContent
    t.dispatchEvent(new Event('input', { bubbles: true }))
    t.focus()
  }

  function setVersion(seg, version) {
    seg.dataset.version = String(version)
    if (!seg.classList.contains('active')) return
    for (const input of seg.querySelectorAll('.panel input[name="version"]')) input.value = String(version)
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
    const short = document.getElementById('progress-short')
    if (short) short.textContent = fill(strings.progressShort, { done: p.done, total: p.total })
  }

  // ---- A conflict: base, mine and theirs, each with a word diff, and a three-way merge ---------
  // Changes on both sides that touch different words are merged; where both changed the same
  // words, a marked place offers each side, and nothing saves until every place is chosen.
  const marksLeft = () => document.querySelectorAll('.conflict-box .choose').length

  function diffText(cls, parts) {
    const p = el('p', `target ${cls}`)
    p.lang = lang
    p.dir = body.dataset.dir || 'auto'
    for (const part of parts) {
      if (part.op === 'same') p.append(document.createTextNode(part.text))
      else p.append(el(part.op, '', part.text))
    }
    return p
  }

  function mergedView(seg, parts, onReady) {
    const p = el('p', 'target merged')
    p.lang = lang
    p.dir = body.dataset.dir || 'auto'
    let n = 0
    for (const part of parts) {
      if (part.kind === 'same') {
        p.append(document.createTextNode(part.text))
        continue
      }
      n++
      const place = el('span', 'choose')
      place.setAttribute('role', 'group')
      place.setAttribute('aria-label', fill(strings.place, { n }))
      const pick = (cls, label, text) => {
        const b = el('button', cls, fill(label, { text: text || strings.nothingThere }))
        b.type = 'button'
        b.addEventListener('click', () => {
          const chosen = el('span', 'chosen', text)
          place.replaceWith(chosen)
          onReady()
        })
        return b
      }
      place.append(pick('pick-mine', strings.useMine, part.mine), pick('pick-theirs', strings.useTheirs, part.theirs))
      p.append(place)
    }
    return p
  }

  function setSaveBlocked(blocked) {
    for (const b of document.querySelectorAll('#panel form button[type="submit"]')) b.disabled = blocked
  }

  async function showConflict(seg, state, mine, current) {
    document.querySelector('.conflict-box')?.remove()
    const t = area(seg)
    const basedOn = Number(seg.dataset.version)
    const box = el('section', 'conflict-box')
    const h = el('h3', '', strings.conflictTitle)
    h.id = 'conflict-title'
    box.setAttribute('aria-labelledby', h.id)
    box.append(h)
    panel().querySelector('form#edit').after(box)
    const buttons = el('div', 'actions')
    const button = (label, cls, onClick) => {
      const b = el('button', cls, label)
      b.type = 'button'
      b.addEventListener('click', onClick)
      buttons.append(b)
      return b
    }
    const done = () => {
      box.remove()
      setSaveBlocked(false)
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
      savedText.set(seg.dataset.unit, current.text)
      store.set(draftKey(seg), undefined)
      setStatus(seg, '', '')
      done()
    })
    let res
    try {
      res = await fetch(`${base}/${encodeURIComponent(seg.dataset.unit)}/merge`, {
        method: 'POST',
        body: new URLSearchParams({ mine, basedOn: String(basedOn), _csrf: csrf }),
        headers: { Accept: 'application/json', 'X-CSRF-Token': csrf },
        credentials: 'same-origin',
      })
    } catch {
      res = undefined
    }
    const m = res && res.ok ? await res.json().catch(() => undefined) : undefined
    if (!m) {
      // Still the two texts and the two ways out: nothing is lost for want of a comparison.
      const reason = res ? `HTTP ${res.status}` : strings.networkError
      box.append(el('p', 'failed', fill(strings.unavailable, { reason })))
      box.append(el('p', '', fill(strings.theirs, { version: current.version })), diffText('theirs', [{ op: 'same', text: current.text }]))
      box.append(el('p', '', strings.mine), diffText('mine', [{ op: 'same', text: mine }]))
      box.append(buttons)
      keep.focus()
      return
    }
    const their = m.theirs
    const versions = el('dl', 'versions')
    const row = (label, content) => {
      versions.append(el('dt', '', label))
      const dd = el('dd')
      dd.append(content)
      versions.append(dd)
    }
    row(fill(strings.base, { version: m.base.version }), diffText('base', [{ op: 'same', text: m.base.text }]))
    row(strings.mineDiff, diffText('mine', m.mine.diff))
    row(
      fill(strings.theirsDiff, { version: their.version, author: their.author || '', state: strings[their.state] || their.state }),
      diffText('theirs', their.diff),
    )
    const status = el('p', 'merge-status')
    status.setAttribute('role', 'status')
    const saveMerged = el('button', 'save-merged', strings.saveMerged)
    saveMerged.type = 'button'
    const merged = mergedView(seg, m.parts, () => ready())
    // The merged text goes into the field once nothing is left to choose, and saves against
    // their version: it holds their changes now.
    function ready() {
      const left = marksLeft()
      saveMerged.disabled = left > 0
      setSaveBlocked(left > 0)
      status.textContent =
        left === 0 ? '' : left === 1 ? strings.chooseFirstOne : fill(strings.chooseFirst, { count: left })
      if (left === 0) {
        t.value = merged.textContent
        setVersion(seg, their.version)
        saveDraft(seg)
      }
      const next = box.querySelector('.choose button')
      if (next) next.focus()
      else saveMerged.focus()
    }
    saveMerged.addEventListener('click', () => {
      if (marksLeft() > 0) return
      done()
      save(seg, state)
    })
    buttons.prepend(saveMerged)
    box.append(versions, el('h4', '', strings.merged))
    if (m.parts.some((p) => p.kind === 'choose')) box.append(el('p', 'hint', strings.chooseHelp))
    box.append(merged, status, buttons)
    ready()
  }

  // While typing: name the source's placeholders and markup the target does not hold (yet).
  function warnLostTokens(seg, text) {
    if (!seg.dataset.keep) return seg.querySelector('.lost')?.remove()
    const lost =
      text.trim() === '' ? [] : JSON.parse(seg.dataset.keep).filter((k) => !text.includes(k))
    let el = seg.querySelector('.lost')
    if (lost.length === 0) return el?.remove()
    if (!el) {
      el = document.createElement('p')
      el.className = 'lost'
      seg.querySelector('.panel .hints')?.before(el)
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

  // The memory match ({ text, score }) or machine suggestion ({ text, engine }) last put into each
  // segment. A memory match goes as the text's origin only while the text is still exactly that
  // match: edited even by a letter, the text is the translator's own and goes without one (the
  // score would describe some other text). A machine suggestion always goes, marked edited once
  // changed, so the history says "edited from mt:ENGINE".
  const insertedOf = new WeakMap()
  const lines = (s) => String(s).replace(/\r\n?/g, '\n')

  function originOf(seg, text) {
    const m = insertedOf.get(seg)
    if (!m) return undefined
    const same = lines(m.text) === lines(text)
    if (m.engine) return same ? m : { ...m, edited: true }
    return same ? m : undefined
  }

  // The symbols of the states, as the server's status cell draws them (src/web/grid/state-mark.ts).
  const SYMBOLS = { initial: '○', translated: '✎', reviewed: '✓R', final: '✓F', rejected: '✗', stale: '⚠S' }

  function setStateMark(seg, state, stale) {
    const cell = seg.querySelector('.st')
    if (!cell) return
    const name = stale ? `${strings[state]}, ${strings.stale}` : strings[state]
    const key = stale ? 'stale' : state
    cell.className = `st st-${key}`
    cell.title = name
    cell.querySelector('b').textContent = SYMBOLS[key]
    cell.querySelector('.sr-only').textContent = name
  }

  // Saves the field's text; `clearing` saves an empty text as untranslated instead (Clear).
  async function save(seg, state, clearing = false) {
    const t = area(seg)
    const form = panel()?.querySelector('form#edit')
    if (!t || !form) return false
    const text = clearing ? '' : t.value
    // A merge with places still to choose is not a text yet.
    const left = marksLeft()
    if (left > 0) {
      setStatus(seg, left === 1 ? strings.chooseFirstOne : fill(strings.chooseFirst, { count: left }), 'failed')
      return false
    }
    // An empty text is never saved as a translation: taking one back is Clear's work.
    if (!clearing && text.trim() === '') {
      setStatus(seg, strings.empty, 'failed')
      return false
    }
    setStatus(seg, strings.saving, '')
    const data = new URLSearchParams({ text, version: seg.dataset.version, state, _csrf: csrf })
    const origin = originOf(seg, text)
    if (origin && origin.engine) {
      data.set('origin', 'mt')
      data.set('originEngine', origin.engine)
      if (origin.edited) data.set('originEdited', '1')
    } else if (origin) {
      data.set('origin', 'memory')
      data.set('originScore', String(origin.score))
    }
    let res
    inFlight.set(seg.dataset.unit, text)
    try {
      res = await fetch(form.action, {
        method: 'POST',
        body: data,
        headers: { Accept: 'application/json', 'X-CSRF-Token': csrf },
        credentials: 'same-origin',
      })
    } catch {
      inFlight.delete(seg.dataset.unit)
      setStatus(seg, fill(strings.failed, { reason: strings.networkError }), 'failed')
      return false
    }
    const json = await res.json().catch(() => ({}))
    // Past here the row knows its new version (or the save failed): the echo is told apart by that.
    inFlight.delete(seg.dataset.unit)
    if (res.status === 412 && json.current) {
      // Their version is known now: its echo on the live stream is no news to this row.
      knownVersion.set(seg.dataset.unit, json.current.version)
      savedText.set(seg.dataset.unit, json.current.text)
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
    savedText.set(seg.dataset.unit, tr.text)
    knownVersion.set(seg.dataset.unit, tr.version)
    delete seg.dataset.remote
    // Someone may have typed on while the save travelled: keep that as a draft.
    if (clearing) t.value = ''
    if (t.value === text) store.set(draftKey(seg), undefined)
    // The match is in the history now; saving the same text again (say, as reviewed) is not
    // another insertion from the memory.
    if (origin) insertedOf.delete(seg)
    // Saved by a person, an aligned text is theirs now: its alignment mark goes.
    dropAlignedMark(seg)
    setVersion(seg, tr.version)
    seg.dataset.state = tr.state
    seg.dataset.open = tr.state === 'initial' || tr.stale ? '1' : '0'
    seg.className = seg.className
      .replace(/state-\w+/, `state-${tr.state}`)
      .replace(' is-stale', tr.stale ? ' is-stale' : '')
    setStateMark(seg, tr.state, tr.stale)
    if (tr.stale) seg.dataset.stale = '1'
    else delete seg.dataset.stale
    // An edit answers a rejection: its reason goes with it.
    if (tr.state !== 'rejected') seg.querySelector('.tgt .rejection')?.remove()
    showClear(seg)
    showReviewForms(seg)
    seg.dataset.author = tr.author || ''
    seg.dataset.at = tr.updatedAt || ''
    showWho(seg)
    if (json.hints.length > 0) seg.dataset.hints = JSON.stringify(json.hints)
    else delete seg.dataset.hints
    renderHints(seg, json.hints)
    updateProgress(json.progress)
    setStatus(seg, fill(strings.savedN, { n: seg.dataset.n }), 'ok')
    memoryEpoch++
    return true
  }

  // A row that is not active shows its draft, marked, in place of its saved text.
  function showTarget(seg) {
    const cell = seg.querySelector('.tgt')
    // A rejection's reason stays with the row, whatever the cell shows.
    const rejection = cell.querySelector('.rejection')
    const p = el('p', 'target')
    p.lang = lang
    p.dir = body.dataset.dir || 'auto'
    const draft = store.get(draftKey(seg))
    const saved = savedText.get(seg.dataset.unit) ?? ''
    const drafted = draft && typeof draft.text === 'string' && draft.text !== saved
    chipsInto(p, drafted ? draft.text : saved)
    cell.replaceChildren(p)
    if (drafted) {
      p.classList.add('draft')
      cell.append(el('span', 'draft-mark', strings.draft))
      const remote = json(seg.dataset.remote, undefined)
      if (remote) cell.append(el('span', 'draft-mark remote', fill(strings.changedBy, { name: remote.author })))
    }
    if (rejection) cell.append(rejection)
  }

  function showWho(seg) {
    const who = panel()?.querySelector('.who')
    if (!who) return
    const { author, at } = seg.dataset
    if (!author || !at) return (who.textContent = strings.never)
    const time = el('time', '', localTime(at))
    time.dateTime = at
    const [before, after] = fill(strings.lastChanged, { author, when: '\u0000' }).split('\u0000')
    who.replaceChildren(before, time, after || '')
  }

  function showClear(seg) {
    const b = panel()?.querySelector('button.clear')
    if (b) b.hidden = seg.dataset.state === 'initial' && (savedText.get(seg.dataset.unit) ?? '') === ''
  }

  function numLink(seg) {
    const a = el('a', 'num')
    const u = encodeURIComponent(seg.dataset.unit)
    a.href = `${body.dataset.back}&active=${u}#u-${u}`
    a.setAttribute('aria-label', fill(strings.activate, { n: seg.dataset.n }))
    a.append(...seg.querySelector('.num').childNodes)
    return a
  }

  // The draft of a row (if any) goes into the field, and the version it was made from with it,
  // so that a colleague's save in between shows up as a conflict instead of being overwritten.
  function fillArea(seg, t) {
    const saved = savedText.get(seg.dataset.unit) ?? ''
    const draft = store.get(draftKey(seg))
    if (draft && typeof draft.text === 'string' && draft.text !== saved) {
      t.value = draft.text
      if (Number.isInteger(draft.basedOn)) seg.dataset.version = String(draft.basedOn)
      const m = draft.match
      if (m && typeof m.text === 'string' && (Number.isInteger(m.score) || typeof m.engine === 'string')) {
        insertedOf.set(seg, m)
      }
      return true
    }
    if (draft) store.set(draftKey(seg), undefined)
    t.value = saved
    return false
  }

  // Make a row the active one: the field and the panel move to it; the row it leaves shows its
  // text (or its draft). The address follows, so a reload opens the same row.
  function activate(seg, opts = {}) {
    if (!seg) return
    const old = activeSeg()
    const tools = panel()
    if (old !== seg) {
      const t = old && area(old)
      const label = old && old.querySelector('.tgt label')
      if (old) {
        old.classList.remove('active')
        showTarget(old)
        old.querySelector('.num')?.replaceWith(numLink(old))
      }
      seg.classList.add('active')
      const num = seg.querySelector('a.num')
      if (num) {
        const span = el('span', 'num')
        span.append(...num.childNodes)
        num.replaceWith(span)
      }
      if (t) {
        t.id = `t-${seg.dataset.n}`
        label.htmlFor = t.id
        label.textContent = fill(strings.targetLabel, { n: seg.dataset.n })
        const restored = fillArea(seg, t)
        const rejection = seg.querySelector('.tgt .rejection')
        seg.querySelector('.tgt').replaceChildren(label, fieldOf(t), ...(rejection ? [rejection] : []))
        drawChips(t)
        if (tools) updatePanel(seg, tools)
        if (restored) setStatus(seg, strings.draftRestored, '')
        const remote = json(seg.dataset.remote, undefined)
        if (remote && restored) offerCompare(seg, remote)
        warnLostTokens(seg, t.value)
      } else if (tools) updatePanel(seg, tools)
      const u = encodeURIComponent(seg.dataset.unit)
      history.replaceState(null, '', `${location.pathname}${body.dataset.back}&active=${u}`)
    }
    seg.scrollIntoView({ block: 'nearest' })
    tellPresence(false)
    if (opts.row) seg.focus({ preventScroll: true })
    else if (area(seg)) area(seg).focus({ preventScroll: true })
    else seg.focus({ preventScroll: true })
    memoryFor(seg)
  }

  // The panel's contents for a newly active row: its form, codes, hints, last change, history.
  function updatePanel(seg, tools) {
    const unit = seg.dataset.unit
    tools.setAttribute('aria-label', fill(strings.tools, { n: seg.dataset.n }))
    for (const form of tools.querySelectorAll('form')) {
      // The comment forms (comments.js) are the thread's, read anew for this row.
      if (form.closest('#comments')) continue
      form.action = `${base}/${encodeURIComponent(unit)}${body.dataset.back}&active=${encodeURIComponent(unit)}`
      form.querySelector('input[name="version"]').value = seg.dataset.version
    }
    const tokens = tools.querySelector('.tokens')
    if (tokens) {
      const list = json(seg.dataset.tokens, [])
      tokens.hidden = list.length === 0
      tokens.replaceChildren(
        tokens.firstElementChild,
        ...list.map((tok, i) => {
          const b = el('button', 'token', tok)
          b.type = 'button'
          b.dataset.token = tok
          b.title = fill(strings.insertToken, { n: i + 1, token: tok })
          return b
        }),
      )
    }
    showWho(seg)
    tools.querySelector('a.history-link').href = `${base}/${encodeURIComponent(unit)}/history`
    tools.querySelector('.conflict-box')?.remove()
    setSaveBlocked(false)
    tools.querySelector('.lost')?.remove()
    tools.querySelector('.tm')?.remove()
    tools.querySelector('.mt')?.remove()
    setStatus(seg, '', '')
    seg.append(tools)
    showClear(seg)
    showReviewForms(seg)
    renderHints(seg, json(seg.dataset.hints, []))
    // comments.js reads the new row's threads into the panel.
    document.dispatchEvent(new CustomEvent('tolk:active', { detail: { unit } }))
  }

  // Confirm for a stale segment that is not rejected; Reject (reviewers) for a done one.
  function showReviewForms(seg) {
    const note = panel()?.querySelector('.rejection-note')
    const reason = seg.querySelector('.tgt .rejection')
    if (note) {
      note.hidden = !reason
      note.textContent = reason ? reason.textContent : ''
    }
    const confirm = panel()?.querySelector('form#confirm')
    if (confirm) confirm.hidden = !(seg.dataset.stale === '1' && seg.dataset.state !== 'rejected' && Number(seg.dataset.version) > 0)
    const reject = panel()?.querySelector('form#reject')
    if (reject) {
      reject.hidden = !['translated', 'reviewed', 'final'].includes(seg.dataset.state)
      reject.querySelector('#reason').value = ''
    }
  }

  function move(seg, step, opts) {
    const all = segs()
    const i = all.indexOf(seg)
    const to = all[i + step]
    if (to) return activate(to, opts)
    // Past the last row of a page: the next page (or back to the one before).
    const page = step > 0 ? body.dataset.next : body.dataset.prev
    if (page) location.href = page
  }

  function nextOpen(seg) {
    const all = segs()
    const i = all.indexOf(seg)
    const after = all.slice(i + 1).find((s) => s.dataset.open === '1')
    if (after) return activate(after)
    if (body.dataset.next) {
      location.href = body.dataset.next
      return
    }
    const before = all.slice(0, i).find((s) => s.dataset.open === '1')
    activate(before || all[i + 1] || seg)
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
    panel().querySelector('form#edit').after(box)
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
      if (m.codesFixed) head.append(el('span', 'tm-note', strings.tmCodesFixed))
      if (m.regions) head.append(el('span', 'tm-note', fill(strings.tmRegions, m.regions)))
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
      const target = el('p', 'tm-target')
      chipsInto(target, m.target)
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
    if (!area(seg)) return
    if (seg.dataset.tmEpoch === String(memoryEpoch)) {
      // Asked already since the last save: show what came (a row made active again).
      if (matchesOf.has(seg) && !seg.querySelector('.tm')) renderMatches(seg, matchesOf.get(seg))
      return
    }
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
  // A reader without the right to write (a viewer) gets the terms, which say how the source's
  // terms are translated here; matches and machine text are only for someone who can use them.
  function memoryFor(seg) {
    clearTimeout(memoryTimer)
    if (!seg) return
    memoryTimer = setTimeout(() => {
      if (!seg.classList.contains('active')) return
      if (area(seg)) {
        loadMatches(seg)
        loadMachine(seg)
      }
      loadTerms(seg)
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

  // ---- Machine translation: the active row's suggestions, below the memory's, in the background --
  const machineOf = new WeakMap()

  function machineBox(seg) {
    let box = seg.querySelector('.mt')
    if (box) return box
    box = el('section', 'mt')
    box.setAttribute('aria-label', strings.mtTitle)
    const status = el('p', 'mt-status')
    status.setAttribute('role', 'status')
    box.append(status, el('ol', 'mt-list'), el('ul', 'mt-errors'))
    ;(seg.querySelector('.tm') || panel().querySelector('form#edit')).after(box)
    return box
  }

  // Only the machine's suggestions (the memory's show above, from /matches); each engine's
  // failure once, however many units or texts it failed on.
  function renderMachine(seg, found) {
    machineOf.set(seg, found)
    if (found.suggestions.length === 0 && found.errors.length === 0) return seg.querySelector('.mt')?.remove()
    const box = machineBox(seg)
    const items = found.suggestions.map((s, i) => {
      const n = i + 1
      const li = el('li', 'mt-suggestion')
      const head = el('p', 'mt-head')
      head.append(el('span', 'mt-engine', fill(strings.mtEngine, { engine: s.origin.engine })))
      if (s.repaired) head.append(el('span', 'tm-note', strings.mtRepaired))
      if (n <= 3) {
        const use = el('button', 'mt-use', fill(strings.mtInsert, { n }))
        use.type = 'button'
        use.dataset.n = String(n)
        use.setAttribute('aria-keyshortcuts', `Control+Shift+${n}`)
        head.append(use)
      }
      const target = el('p', 'mt-target')
      chipsInto(target, s.text)
      target.lang = lang
      target.dir = area(seg)?.dir || 'auto'
      li.append(head, target)
      return li
    })
    box.querySelector('.mt-list').replaceChildren(...items)
    const seen = new Set()
    const errors = found.errors.filter((e) => !seen.has(e.engine) && seen.add(e.engine))
    box.querySelector('.mt-errors').replaceChildren(
      ...errors.map((e) => el('li', 'failed', fill(strings.mtUnavailable, { engine: e.engine, reason: e.reason }))),
    )
    box.querySelector('.mt-status').textContent =
      items.length > 0 ? fill(strings.mtFound, { count: items.length }) : ''
  }

  let machineAsk = 0
  async function loadMachine(seg) {
    // No engine configured: nothing to ask (the memory's matches come from /matches).
    if (!area(seg) || !body.dataset.mt) return
    // Asked once per row; again only after a failure (an engine may be back).
    const known = machineOf.get(seg)
    if (known && known.errors.length === 0) return seg.querySelector('.mt') ? undefined : renderMachine(seg, known)
    // Each ask has its number: an answer for a row left meanwhile (or overtaken) is dropped.
    const ask = ++machineAsk
    const current = () => ask === machineAsk && seg.classList.contains('active')
    const unavailable = (reason) => {
      if (current()) renderMachine(seg, { suggestions: [], errors: [{ engine: strings.mtTitle, reason }] })
    }
    machineBox(seg).querySelector('.mt-status').textContent = strings.mtLoading
    let res
    try {
      res = await fetch(`${base}/${encodeURIComponent(seg.dataset.unit)}/suggestions`, {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      })
    } catch {
      return unavailable(strings.networkError)
    }
    const json = await res.json().catch(() => ({}))
    if (!current()) return
    if (!res.ok || !Array.isArray(json.suggestions) || json.unit !== seg.dataset.unit) {
      return unavailable(json.detail || `HTTP ${res.status}`)
    }
    const suggestions = json.suggestions.filter((s) => s.origin && s.origin.kind === 'mt')
    const errors = Array.isArray(json.errors) ? json.errors : []
    renderMachine(seg, { suggestions, errors })
  }

  function useMachine(seg, n) {
    const s = (machineOf.get(seg)?.suggestions || [])[n - 1]
    const t = area(seg)
    if (!s || !t) return false
    insertedOf.set(seg, { text: s.text, engine: s.origin.engine })
    t.value = s.text
    t.dispatchEvent(new Event('input', { bubbles: true }))
    t.focus()
    t.selectionStart = t.selectionEnd = t.value.length
    setStatus(seg, fill(strings.mtInserted, { n }), '')
    return true
  }

  // ---- Terms: the termbase's terms found in the active row's source, with their translations --
  const termsOf = new WeakMap()
  let termAsk = 0
  const statusWord = (status) =>
    ({ preferred: strings.termPreferred, admitted: strings.termAdmitted, deprecated: strings.termDeprecated, forbidden: strings.termForbidden })[status] || status
  // What Ctrl+Alt+N inserts: the best translation that may be used (never a forbidden one).
  const usableTarget = (hit) => hit.targets.find((t) => t.status !== 'forbidden')

  async function loadTerms(seg) {
    const known = termsOf.get(seg)
    if (known) return renderTerms(seg, known)
    const ask = ++termAsk
    let res
    try {
      res = await fetch(`${base}/${encodeURIComponent(seg.dataset.unit)}/terms`, {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      })
    } catch {
      return
    }
    const json = await res.json().catch(() => ({}))
    if (ask !== termAsk || !seg.classList.contains('active')) return
    if (!res.ok || !Array.isArray(json.hits) || json.unit !== seg.dataset.unit) return
    termsOf.set(seg, json.hits)
    renderTerms(seg, json.hits)
  }

  function renderTerms(seg, hits) {
    markTerms(seg, hits)
    seg.querySelector('.terms')?.remove()
    if (hits.length === 0) return
    const box = el('section', 'terms')
    box.setAttribute('aria-label', strings.termsTitle)
    box.append(el('p', 'terms-status', fill(strings.termsFound, { count: hits.length })))
    const list = el('ol', 'terms-list')
    hits.forEach((h, i) => {
      const n = i + 1
      const li = el('li', 'term')
      li.append(el('span', 'term-source', h.found), ' → ')
      if (h.targets.length === 0) li.append(el('span', 'term-none', strings.termNone))
      h.targets.forEach((t, k) => {
        if (k > 0) li.append(', ')
        const target = el('span', `term-target ${t.status}`, t.text)
        target.lang = lang
        target.title = statusWord(t.status)
        li.append(target)
        if (t.status !== 'admitted') li.append(el('span', 'term-status', ` (${statusWord(t.status)})`))
      })
      if (n <= 9 && usableTarget(h) && area(seg)) {
        const use = el('button', 'term-use', fill(strings.termInsert, { n }))
        use.type = 'button'
        use.dataset.n = String(n)
        use.setAttribute('aria-keyshortcuts', `Control+Alt+${n}`)
        li.append(' ', use)
      }
      list.append(li)
    })
    box.append(list)
    const after = seg.querySelector('.mt') || seg.querySelector('.tm') || panel()?.querySelector('form#edit')
    if (after) after.after(box)
    else panel()?.append(box)
  }

  // Underline each hit in the source, in order, inside text only (never in a code chip).
  function markTerms(seg, hits) {
    const src = seg.querySelector('.source')
    if (!src || src.dataset.terms) return
    src.dataset.terms = '1'
    const walker = document.createTreeWalker(src, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement && n.parentElement.closest('.chip, .code') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    })
    let node = walker.nextNode()
    let lastStart = -1
    for (const h of hits) {
      if (h.start === lastStart) continue // one span found for several entries
      lastStart = h.start
      while (node) {
        const at = node.data.indexOf(h.found)
        if (at < 0) {
          node = walker.nextNode()
          continue
        }
        const range = document.createRange()
        range.setStart(node, at)
        range.setEnd(node, at + h.found.length)
        const mark = el('mark', 'term-hit')
        range.surroundContents(mark)
        walker.currentNode = mark.lastChild
        node = walker.nextNode()
        break
      }
    }
  }

  function useTerm(seg, n) {
    const hit = (termsOf.get(seg) || [])[n - 1]
    const target = hit && usableTarget(hit)
    const t = area(seg)
    if (!target || !t) return false
    insertAtCursor(t, target.text)
    setStatus(seg, fill(strings.termInserted, { n }), '')
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

  // Every row's saved text; the drafts of rows that are not active show in their place.
  for (const seg of segs()) {
    seg.tabIndex = -1
    knownVersion.set(seg.dataset.unit, Number(seg.dataset.version))
    const t = area(seg)
    savedText.set(seg.dataset.unit, t ? t.defaultValue : (seg.querySelector('.target')?.textContent ?? ''))
    if (!seg.classList.contains('active') && store.get(draftKey(seg))) showTarget(seg)
  }
  panel()?.querySelector('button.copy')?.removeAttribute('hidden')
  const first = activeSeg()
  if (first) {
    applyDismissed(first)
    const t = area(first)
    if (t) fieldOf(t)
    if (t && fillArea(first, t)) {
      setVersion(first, first.dataset.version)
      setStatus(first, strings.draftRestored, '')
    }
    if (t) {
      t.focus({ preventScroll: true })
      warnLostTokens(first, t.value)
    }
    first.scrollIntoView({ block: 'nearest' })
    memoryFor(first)
    tellPresence(false)
  }

  // ---- Live: a colleague's save shows without a reload; a draft here is never overwritten ------
  function offerCompare(seg, e) {
    const status = statusOf(seg)
    if (!status) return
    setStatus(seg, fill(strings.changedBy, { name: e.author }), '')
    const b = el('button', 'compare', strings.compare)
    b.type = 'button'
    b.addEventListener('click', () =>
      showConflict(seg, 'translated', area(seg).value, { text: e.text, version: e.version, author: e.author, state: e.state }),
    )
    status.append(' ', b)
  }

  /** The row's `aligned 93%` mark, once its text is no longer the aligner's. */
  function dropAlignedMark(seg) {
    const mark = seg.querySelector('p.aligned')
    if (mark) mark.remove()
  }

  function applyRemote(seg, e) {
    const unit = seg.dataset.unit
    if (!e.origin || e.origin.kind !== 'aligned' || e.origin.edited) dropAlignedMark(seg)
    const before = savedText.get(unit) ?? ''
    knownVersion.set(unit, e.version)
    savedText.set(unit, e.text)
    seg.dataset.state = e.state
    seg.dataset.open = e.state === 'initial' || e.stale ? '1' : '0'
    seg.className = seg.className.replace(/state-\w+/, `state-${e.state}`).replace(' is-stale', '') + (e.stale ? ' is-stale' : '')
    setStateMark(seg, e.state, e.stale)
    if (e.stale) seg.dataset.stale = '1'
    else delete seg.dataset.stale
    // A colleague's rejection shows its reason on the row; an edit answers it and takes it away.
    seg.querySelector('.tgt .rejection')?.remove()
    if (e.state === 'rejected' && e.reason) {
      const note = el('p', 'rejection', fill(strings.rejectedBy, { author: e.author, reason: e.reason }))
      note.setAttribute('role', 'note')
      seg.querySelector('.tgt').append(note)
    }
    if (seg.classList.contains('active')) showReviewForms(seg)
    seg.dataset.author = e.author
    seg.dataset.at = new Date().toISOString()
    const t = area(seg)
    const draft = store.get(draftKey(seg))
    const drafted = t ? t.value !== before : draft && typeof draft.text === 'string' && draft.text !== e.text
    if (!drafted) {
      // Nothing of ours in the way: take their text and version.
      setVersion(seg, e.version)
      if (t) t.value = e.text
      else showTarget(seg)
      if (t) showWho(seg)
      return
    }
    // Ours stays, made from the older version: saving it meets theirs in the merge.
    seg.dataset.remote = JSON.stringify(e)
    if (t) offerCompare(seg, e)
  }

  // ---- Presence: where colleagues are (a hint, never a lock), and telling them where we are ----
  const others = new Map()
  const PRESENCE_TTL = 60_000

  function showPresence() {
    for (const mark of document.querySelectorAll('.here')) mark.remove()
    const now = Date.now()
    const list = []
    for (const [user, p] of others) {
      if (now - p.at > PRESENCE_TTL || !p.unit) {
        others.delete(user)
        continue
      }
      const seg = document.getElementById(`u-${p.unit}`)
      const n = seg ? seg.dataset.n : '?'
      list.push(fill(p.typing ? strings.typingAt : strings.atSegment, { name: user, n }))
      if (!seg) continue
      const mark = el('span', `here${p.typing ? ' typing' : ''}`, user.slice(0, 2).toUpperCase())
      mark.title = fill(p.typing ? strings.typingAt : strings.atSegment, { name: user, n })
      seg.querySelector('.st')?.append(mark)
    }
    const line = document.getElementById('presence')
    if (!line) return
    line.hidden = list.length === 0
    line.textContent = list.length === 0 ? '' : fill(strings.alsoHere, { list: list.join(', ') })
  }
  setInterval(showPresence, 10_000)

  function tellPresence(typing, leaving = false) {
    const seg = activeSeg()
    const unit = leaving || !seg ? '' : seg.dataset.unit
    const now = `${unit}/${typing ? 1 : 0}`
    if (now === told && Date.now() - toldAt < 20_000) return
    told = now
    toldAt = Date.now()
    fetch(`${base}/events/presence`, {
      method: 'POST',
      body: new URLSearchParams({ unit, typing: typing ? '1' : '0', _csrf: csrf }),
      headers: { 'X-CSRF-Token': csrf },
      credentials: 'same-origin',
      keepalive: true,
    }).catch(() => {})
  }
  setInterval(() => tellPresence(Boolean(typingTimer)), 20_000)
  addEventListener('pagehide', () => tellPresence(false, true))
  document.addEventListener('input', (e) => {
    if (!e.target.closest || !e.target.closest('.seg.active')) return
    clearTimeout(typingTimer)
    tellPresence(true)
    typingTimer = setTimeout(() => {
      typingTimer = undefined
      tellPresence(false)
    }, 3000)
  })

  if (typeof EventSource === 'function') {
    // From the event the page was read at: nothing saved while the page loaded is missed.
    const after = /^\d+$/.test(body.dataset.eventsAfter || '') ? `?after=${body.dataset.eventsAfter}` : ''
    const live = new EventSource(`${base}/events${after}`)
    live.addEventListener('presence', (ev) => {
      const p = json(ev.data, undefined)
      if (!p || p.user === body.dataset.me) return
      others.set(p.user, { unit: p.unit, typing: p.typing, at: Date.now() })
      showPresence()
    })
    live.addEventListener('translation', (ev) => {
      const e = json(ev.data, undefined)
      if (!e || e.lang !== lang) return
      const seg = document.getElementById(`u-${e.unit}`)
      if (!seg || e.version <= (knownVersion.get(e.unit) ?? 0) || inFlight.get(e.unit) === e.text) return
      applyRemote(seg, e)
    })
    // Comments and notifications (comments.js shows them): passed on as they come.
    for (const kind of ['comment', 'notifications']) {
      live.addEventListener(kind, (ev) => {
        const detail = json(ev.data, undefined)
        if (detail) document.dispatchEvent(new CustomEvent(`tolk:${kind}`, { detail }))
      })
    }
    live.addEventListener('end', () => live.close())
    addEventListener('pagehide', () => live.close())
  }

  document.addEventListener('input', (e) => {
    const seg = e.target.closest && e.target.closest('.seg.active')
    if (seg && e.target.tagName === 'TEXTAREA' && !e.target.closest('#comments')) {
      saveDraft(seg)
      warnLostTokens(seg, e.target.value)
    }
  })

  // With the script, a click anywhere on a row makes it active in place, and the row's link no
  // longer covers the row (CSS), so words of other rows can be selected and copied.
  body.classList.add('js')
  document.addEventListener('click', (e) => {
    const link = e.target.closest && e.target.closest('a.num')
    const row = e.target.closest && e.target.closest('.seg:not(.active)')
    const plain = !e.ctrlKey && !e.metaKey && !e.shiftKey && e.button === 0
    if (link && plain) {
      e.preventDefault()
      activate(link.closest('.seg'))
      return
    }
    if (row && plain && !e.target.closest('a, button') && String(getSelection()) === '') {
      activate(row)
      return
    }
    const el = e.target.closest && e.target.closest('button')
    const seg = el && el.closest('.seg')
    if (!seg) return
    if (el.classList.contains('copy')) copySource(seg)
    else if (el.classList.contains('token')) insertToken(seg, el.dataset.token)
    else if (el.classList.contains('tm-use')) useMatch(seg, Number(el.dataset.n))
    else if (el.classList.contains('mt-use')) useMachine(seg, Number(el.dataset.n))
    else if (el.classList.contains('term-use')) useTerm(seg, Number(el.dataset.n))
    else if (el.classList.contains('dismiss')) {
      void dismissHint(seg, el.closest('li').dataset.hint)
      area(seg)?.focus()
    }
  })

  document.addEventListener('submit', (e) => {
    const seg = e.target.closest('.seg')
    // The panel's comment forms are comments.js's, not a save of the segment.
    if (!seg || e.target.closest('#comments')) return
    // Confirm and Reject post as forms: the page comes back with the row as stored.
    if (e.target.id === 'confirm' || e.target.id === 'reject') {
      store.set(draftKey(seg), undefined)
      return
    }
    e.preventDefault()
    if (e.target.id === 'clear') save(seg, 'initial', true)
    else save(seg, (e.submitter && e.submitter.value) || 'translated')
  })

  const keys = document.getElementById('keys')
  const typing = (t) =>
    t && (t.tagName === 'TEXTAREA' || t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.isContentEditable)

  document.addEventListener('keydown', async (e) => {
    // AltGr arrives as Ctrl+Alt on some systems and types characters ({ [ @ $): never take it.
    if (e.getModifierState && e.getModifierState('AltGraph')) return
    const seg = e.target.closest && e.target.closest('.seg')
    const inField = typing(e.target)
    if (e.key === 'Escape') {
      const menu = e.target.closest && e.target.closest('details[open]')
      const open = menu || document.querySelector('details.menu[open]')
      if (open) {
        open.open = false
        open.querySelector('summary').focus()
      } else if (seg && inField) seg.focus({ preventScroll: true })
      return
    }
    if (!inField && e.key === '?' && !e.ctrlKey && !e.altKey && !e.metaKey && keys) {
      e.preventDefault()
      keys.open = !keys.open
      keys.querySelector('summary').focus()
      return
    }
    if (e.altKey && !e.ctrlKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      const from = seg || activeSeg()
      if (!from || (inField && !seg)) return
      e.preventDefault()
      move(from, e.key === 'ArrowDown' ? 1 : -1)
      return
    }
    // On a row (after Esc): the arrows move the active row, Enter edits it.
    if (!inField && seg && e.target === seg && !e.altKey && !e.ctrlKey && !e.metaKey) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault()
        move(seg, e.key === 'ArrowDown' ? 1 : -1, { row: true })
      } else if (e.key === 'Enter') {
        e.preventDefault()
        activate(seg)
      }
      return
    }
    // The panel's comment fields are not the translation: its keys are theirs (comments.js).
    if (e.target.closest && e.target.closest('#comments')) return
    if (!seg || !inField || !seg.classList.contains('active')) return
    const confirmForm = seg.querySelector('form#confirm')
    const rejectForm = seg.querySelector('form#reject')
    if (e.target.id === 'reason') {
      // The reason: Enter rejects, when there is one.
      if (e.key === 'Enter' && !e.altKey) {
        e.preventDefault()
        if (e.target.value.trim() !== '') rejectForm.requestSubmit()
      }
      return
    }
    if (e.key === 'Enter' && e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
      e.preventDefault()
      if (confirmForm && !confirmForm.hidden) confirmForm.requestSubmit()
      return
    }
    if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyR') {
      if (!rejectForm) return setStatus(seg, strings.noReview, 'failed')
      e.preventDefault()
      if (!rejectForm.hidden) rejectForm.querySelector('#reason').focus()
      return
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault()
      const reviewed = e.shiftKey
      // A key the account may not use says why, and saves nothing.
      if (reviewed && !body.dataset.canReview) return setStatus(seg, strings.noReview, 'failed')
      if (await save(seg, reviewed ? 'reviewed' : 'translated')) nextOpen(seg)
    } else if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && /^Digit[1-3]$/.test(e.code)) {
      if (useMatch(seg, Number(e.code.slice(5)))) e.preventDefault()
    } else if ((e.ctrlKey || e.metaKey) && !e.altKey && e.shiftKey && /^Digit[1-3]$/.test(e.code)) {
      if (useMachine(seg, Number(e.code.slice(5)))) e.preventDefault()
    } else if (e.ctrlKey && e.altKey && !e.shiftKey && !e.metaKey && /^Digit[1-9]$/.test(e.code)) {
      // AltGr was turned away above, so this is a real Ctrl+Alt.
      if (useTerm(seg, Number(e.code.slice(5)))) e.preventDefault()
    } else if (e.altKey && !e.ctrlKey && e.code === 'KeyC') {
      e.preventDefault()
      copySource(seg)
    } else if (e.altKey && !e.ctrlKey && /^Digit[1-9]$/.test(e.code)) {
      const token = seg.querySelectorAll('.panel button.token')[Number(e.code.slice(5)) - 1]
      if (token) {
        e.preventDefault()
        insertToken(seg, token.dataset.token)
      }
    } else if (e.altKey && !e.ctrlKey && e.code === 'Digit0') {
      if (insertMissingCode(seg)) e.preventDefault()
    }
  })
})()
