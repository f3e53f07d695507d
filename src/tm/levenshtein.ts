/** Edit distance over token keys: insertions, deletions and substitutions of whole tokens. */

/**
 * Levenshtein distance between two sequences of strings, in O(n·m) time and O(m) memory. Keys
 * are compared by identity (===), so interning is not needed for the short sequences of a
 * sentence.
 */
export function tokenDistance(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0) return b.length
  if (b.length === 0) return a.length
  let prev = new Int32Array(b.length + 1)
  let cur = new Int32Array(b.length + 1)
  for (let j = 0; j <= b.length; j++) prev[j] = j
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i
    const ai = a[i - 1]
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1]! + (ai === b[j - 1] ? 0 : 1)
      const del = prev[j]! + 1
      const ins = cur[j - 1]! + 1
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins
    }
    const t = prev
    prev = cur
    cur = t
  }
  return prev[b.length]!
}
