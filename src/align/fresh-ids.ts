/** Ids for units a re-import adds: the segmenter's proposal, unique against every stored id. */

/** The longest id the id rule allows. */
const MAX_ID_LENGTH = 100

/**
 * Hands out ids that collide with nothing in `taken` (which it extends as it goes). A taken
 * proposal gets `-2`, `-3`, … appended, cutting the proposal short when the suffix would push it
 * past 100 characters, so a valid proposal always yields a valid id.
 */
export function createIdAllocator(taken: Set<string>): (proposed: string) => string {
  // The next suffix to try per proposal, so a long run of collisions is not rescanned each time.
  const nextSuffix = new Map<string, number>()
  return (proposed) => {
    let id = proposed
    if (taken.has(id)) {
      let n = nextSuffix.get(proposed) ?? 2
      do {
        const suffix = `-${n++}`
        id = proposed.slice(0, MAX_ID_LENGTH - suffix.length) + suffix
      } while (taken.has(id))
      nextSuffix.set(proposed, n)
    }
    taken.add(id)
    return id
  }
}
