/**
 * Line numbers for JSON text, found only when something is reported: a linear scan that maps the
 * wanted key paths to the line of their key, and the line and column of a syntax error.
 */

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  return { line, column: offset - lineStart + 1 }
}

/**
 * Map each wanted dotted key path (`menu.file_one`) to the 1-based line its key is on. One pass
 * over the text; dotted paths are only built along branches that lead to a wanted key, so a file
 * with one problem costs little more than reading it. The text must be valid JSON.
 */
export function keyLines(text: string, wanted: ReadonlySet<string>): Map<string, number> {
  const found = new Map<string, number>()
  if (wanted.size === 0) return found
  const prefixes = new Set<string>([''])
  for (const key of wanted) {
    for (let i = key.indexOf('.'); i !== -1; i = key.indexOf('.', i + 1)) prefixes.add(key.slice(0, i))
  }
  const lineAt = lineCounter(text)
  const walk: KeyWalk<string> = {
    key(parent, name, at) {
      const full = parent === '' ? name : `${parent}.${name}`
      if (wanted.has(full)) {
        found.set(full, lineAt(at))
        if (found.size === wanted.size) walk.done = true
      }
      return prefixes.has(full) ? full : null
    },
  }
  walkKeys(text, '', walk)
  return found
}

/**
 * Whether every string in valid JSON text is written exactly as JSON.stringify writes it: true
 * when the text has no `\u` and no `\/` escape (the only ones JSON.stringify never writes for
 * text it could hold raw). Then a key and its value can be searched for as text (valueOffset).
 */
export function writtenPlainly(text: string): boolean {
  return !text.includes('\\u') && !text.includes('\\/')
}

/**
 * Offset of the key `name` whose value is the string `value`, found by searching the text for the
 * value, when the text holds that pair exactly once; undefined when it holds it more than once (or
 * never), and the caller must walk the keys instead. Exact for text that is writtenPlainly: the
 * pair's one place is then the key's. A native search instead of a walk: most files with a
 * problem have one or two, and a walk reads the whole file for them.
 */
export function valueOffset(text: string, name: string, value: string): number | undefined {
  const needle = JSON.stringify(value)
  const key = JSON.stringify(name)
  let found: number | undefined
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    // A value: a real quote (not escaped) after `:`, which follows the key.
    let j = at - 1
    while (j >= 0 && text.charCodeAt(j) <= 0x20) j--
    if (text.charCodeAt(j) !== 0x3a) continue
    j--
    while (j >= 0 && text.charCodeAt(j) <= 0x20) j--
    const start = j - key.length + 1
    if (start < 0 || !text.startsWith(key, start) || !realQuote(text, start)) continue
    if (found !== undefined) return undefined
    found = start
  }
  return found
}

/** Whether the quote at `at` is a real one: not preceded by an odd run of backslashes. */
function realQuote(text: string, at: number): boolean {
  let backslashes = 0
  for (let b = at - 1; b >= 0 && text.charCodeAt(b) === 0x5c; b--) backslashes++
  return backslashes % 2 === 0
}

/** What walkKeys calls back; a frame stands for one object whose keys are wanted. */
export interface KeyWalk<F> {
  /** A key of the object `parent` at offset `at`: the frame for its value when that is an object to enter, else null. */
  key(parent: F, name: string, at: number): F | null
  /** The object of `frame` ends. */
  close?(frame: F): void
  /** Set to end the walk early. */
  done?: boolean
}

/**
 * Walk the keys of valid JSON text in order, entering only objects that have a frame (the top
 * level has `root`), so branches nobody asked for cost a scan and nothing more.
 */
export function walkKeys<F>(text: string, root: F, walk: KeyWalk<F>): void {
  // Per open container: its frame, or null (arrays and objects not entered).
  const stack: (F | null)[] = []
  let pending: F | null = root
  const n = text.length
  let at = 0
  // From one string to the next with native indexOf; only the few characters between two
  // strings (white space, `:`, `,`, brackets, numbers) are looked at one by one, for brackets.
  // A string followed by `:` is a key, so commas never matter.
  for (;;) {
    const q = text.indexOf('"', at)
    const stop = q === -1 ? n : q
    for (let k = at; k < stop; k++) {
      const c = text.charCodeAt(k)
      if (c <= 0x3a) continue
      if (c === 0x7b) {
        stack.push(pending)
        pending = null
      } else if (c === 0x5b) {
        stack.push(null)
        pending = null
      } else if (c === 0x7d || c === 0x5d) {
        const frame = stack.pop()
        if (frame != null && walk.close) walk.close(frame)
        pending = null
      }
    }
    if (q === -1) return
    const end = stringEnd(text, q)
    at = end + 1
    let j = at
    while (j < n && text.charCodeAt(j) <= 0x20) j++
    if (text.charCodeAt(j) !== 0x3a) continue
    const top = stack.length > 0 ? stack[stack.length - 1] : null
    pending = null
    if (top == null) continue
    const raw = text.slice(q + 1, end)
    const name = raw.includes('\\') ? (JSON.parse(text.slice(q, end + 1)) as string) : raw
    pending = walk.key(top, name, q)
    if (walk.done) return
  }
}

/** A function from offset to 1-based line, for offsets asked in increasing order: the text is counted once. */
export function lineCounter(text: string): (at: number) => number {
  let line = 1
  let counted = 0
  return (at) => {
    for (let nl = text.indexOf('\n', counted); nl !== -1 && nl < at; nl = text.indexOf('\n', nl + 1)) line++
    counted = at
    return line
  }
}

/** Offset of the closing quote of the string that opens at `start`. */
function stringEnd(text: string, start: number): number {
  let j = start + 1
  for (;;) {
    j = text.indexOf('"', j)
    if (j === -1) return text.length
    let backslashes = 0
    for (let b = j - 1; text.charCodeAt(b) === 0x5c; b--) backslashes++
    if (backslashes % 2 === 0) return j
    j++
  }
}

/**
 * Where JSON.parse failed: the offset V8 names in its message, else the first offending
 * character found by a small validator (V8 leaves the position out of "Unexpected token" errors).
 */
export function syntaxErrorOffset(text: string, err: Error): number {
  const m = /at position (\d+)/.exec(err.message)
  if (m) return Number(m[1])
  if (/end of JSON input/.test(err.message)) return text.length
  return firstInvalid(text)
}

/** Offset of the first character that breaks JSON's grammar (recursive descent; errors only). */
function firstInvalid(text: string): number {
  let i = 0
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i] ?? '')) i++
  }
  const fail = (): never => {
    throw i
  }
  const value = (): void => {
    ws()
    const c = text[i]
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']'
      i++
      ws()
      if (text[i] === close) return void i++
      for (;;) {
        if (c === '{') {
          ws()
          if (text[i] !== '"') fail()
          i = stringEnd(text, i) + 1
          ws()
          if (text[i] !== ':') fail()
          i++
        }
        value()
        ws()
        if (text[i] === ',') i++
        else if (text[i] === close) return void i++
        else fail()
      }
    }
    if (c === '"') return void (i = stringEnd(text, i) + 1)
    const lit = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400))
    if (!lit) fail()
    i += lit?.[0].length ?? 0
  }
  try {
    value()
    ws()
    return i
  } catch (at) {
    return typeof at === 'number' ? at : 0
  }
}
