/**
 * An empty array that V8 already holds as an array of objects.
 *
 * A fresh `[]` starts as an array of small integers and changes kind at its first push of an
 * object; one that stays empty keeps the first kind. Code that V8 optimized after seeing one kind
 * is thrown away when it meets the other (a "deoptimization"), and runs unoptimized until it is
 * compiled again: on a two-core machine that took 10–20 ms per function in `tolk check`. The
 * compare loop's lists (a level's entries and kids, a file's problems) are made here, so they all
 * have one kind from birth.
 */
const SEED = Object.freeze({})

export function objectList<T>(): T[] {
  const list: object[] = [SEED]
  list.pop()
  return list as T[]
}
