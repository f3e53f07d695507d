// A small seeded PRNG (mulberry32) and pickers, so generated corpora are the same on every run.

/** @param {number} seed  @returns {() => number} uniform in [0, 1) */
export function mulberry32(seed) {
  let a = seed >>> 0
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Helpers bound to one random source. */
export function randomTools(seed) {
  const rnd = mulberry32(seed)
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1))
  const pick = (arr) => arr[Math.floor(rnd() * arr.length)]
  const chance = (p) => rnd() < p
  return { rnd, int, pick, chance }
}
