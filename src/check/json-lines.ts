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
  // Per open container: its dotted path when it lies on the way to a wanted key, else null
  // (arrays and every branch that leads nowhere wanted).
  const stack: (string | null)[] = []
  let pending: string | null = ''
  // Lines are counted only up to each found key, from the previous one: keys come in text order.
  let line = 1
  let counted = 0
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
        stack.pop()
        pending = null
      }
    }
    if (q === -1) break
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
    const full = top === '' ? name : `${top}.${name}`
    if (wanted.has(full)) {
      for (let nl = text.indexOf('\n', counted); nl !== -1 && nl < q; nl = text.indexOf('\n', nl + 1)) line++
      counted = q
      found.set(full, line)
      if (found.size === wanted.size) return found
    }
    if (prefixes.has(full)) pending = full
  }
  return found
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
