/**
 * The shapes of i18next keys that resolve alike: a flat `"a.b"` and a nested `{"a":{"b":…}}`
 * (i18next looks a dotted key up either way), and an array, whose elements resolve as `list.0`,
 * `list.1` (and whole with `returnObjects`). The check compares one shape: objects nested at the
 * dots, arrays as objects keyed by index.
 */
import { isObject } from './read-locales.js'

/** An object or an array: a branch of keys to walk (arrays are keyed by index). */
export function isBranch(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null
}

/**
 * One level with its dotted keys nested at the dots, merged into the objects of the same name
 * (copied, never changed). A dotted key whose path runs into a string stays as it is written (the
 * key of the same name wins, as i18next finds it first); of two values for one key, the first
 * written stays. Natural-language keys such as `"Saved."` nest too (`Saved` → `""`): their
 * dotted path still prints exactly as written.
 */
export function expandLevel(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const made = new WeakSet<object>()
  for (const key in obj) {
    const v = obj[key]
    if (key.indexOf('.') === -1) {
      place(out, key, v, made)
      continue
    }
    const parts = key.split('.')
    let at = out
    let i = 0
    for (; i < parts.length - 1; i++) {
      const part = parts[i] as string
      const next = Object.hasOwn(at, part) ? at[part] : undefined
      if (next === undefined) {
        const fresh: Record<string, unknown> = {}
        made.add(fresh)
        define(at, part, fresh)
        at = fresh
      } else if (isObject(next)) {
        at = made.has(next) ? next : copy(at, part, next, made)
      } else {
        break
      }
    }
    if (i === parts.length - 1) place(at, parts[i] as string, v, made)
    else if (!Object.hasOwn(out, key)) define(out, key, v)
  }
  return out
}

/** Every level of a parsed file expanded (the source, read once; a target's levels expand as they are met). */
export function expandDeep(value: Record<string, unknown>): Record<string, unknown> {
  let obj = value
  for (const key in value) {
    if (key.indexOf('.') !== -1) {
      obj = expandLevel(value)
      break
    }
  }
  for (const key in obj) {
    const v = obj[key]
    if (!isBranch(v)) continue
    const inner = expandDeep(v)
    if (inner === v) continue
    if (obj === value) obj = { ...value }
    define(obj, key, inner)
  }
  return obj
}

/** `at[name] = v`, or v's keys merged into the object already there. */
function place(at: Record<string, unknown>, name: string, v: unknown, made: WeakSet<object>): void {
  if (!Object.hasOwn(at, name)) return define(at, name, v)
  const had = at[name]
  if (!isObject(had) || !isObject(v)) return
  const into = made.has(had) ? had : copy(at, name, had, made)
  for (const k in v) place(into, k, v[k], made)
}

/** A copy of `at[name]`, put in its place and marked as made here (so it may be changed). */
function copy(at: Record<string, unknown>, name: string, next: Record<string, unknown>, made: WeakSet<object>): Record<string, unknown> {
  const c: Record<string, unknown> = { ...next }
  made.add(c)
  define(at, name, c)
  return c
}

/** `obj[key] = value` as an own data property: `__proto__` is a key like any other. */
function define(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true })
}
