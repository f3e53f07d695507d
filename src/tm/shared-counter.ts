/** Ids below this are counted in the dense array (4 bytes each). */
const DENSE_IDS = 1 << 25

/**
 * Shared-word counts by entry id, and the same counts weighted by how rare each word is (what
 * candidates are ranked by). Both live in one dense array indexed by id (ids are the table's
 * rowids, so dense), the count in the low 16 bits and the weight in the high 16: a posting list's
 * ids are spread over the whole memory, so each bump is a cache miss, and one array costs one
 * where two cost two. Reset through the list of ids touched; a map holds the rare id beyond it.
 * Each id also remembers `list` as it was when the id was first counted (which posting list
 * brought it), so that a search reading lists in stages can ask for the ids the first few brought.
 */
export class SharedCounter {
  private static slots = new Int32Array(1 << 16)
  /** The posting list being counted: callers set it before bumping that list's ids. */
  list = 0
  private readonly touched: number[] = []
  /** `list` when each id of `touched` was first counted. */
  private readonly firsts: number[] = []
  private readonly far = new Map<number, { count: number; weight: number; first: number }>()

  /** Add one to `id`'s count and `weight` to its weight; a new id only when `add` is true. */
  bump(id: number, add: boolean, weight: number): void {
    if (id < DENSE_IDS) {
      let slots = SharedCounter.slots
      if (id >= slots.length) {
        if (!add) return
        const grown = new Int32Array(Math.min(DENSE_IDS, Math.max(id + 1, slots.length * 2)))
        grown.set(slots)
        SharedCounter.slots = slots = grown
      }
      const v = slots[id]!
      if (v === 0) {
        if (!add) return
        this.touched.push(id)
        this.firsts.push(this.list)
      }
      const count = v & 0xffff
      slots[id] = (Math.min(0xffff, (v >>> 16) + weight) << 16) | (count < 0xffff ? count + 1 : count)
      return
    }
    const f = this.far.get(id)
    if (f !== undefined) f.count++, (f.weight += weight)
    else if (add) this.far.set(id, { count: 1, weight, first: this.list })
  }
  /**
   * Call `f` with every id counted, its count and weight, in the order first counted; only with
   * those first counted while `list` was below `before`, when given.
   */
  forEach(f: (id: number, count: number, weight: number) => void, before = Infinity): void {
    const slots = SharedCounter.slots
    for (let i = 0; i < this.touched.length; i++) {
      if (this.firsts[i]! >= before) continue
      const id = this.touched[i]!
      const v = slots[id]!
      f(id, v & 0xffff, v >>> 16)
    }
    for (const [id, c] of this.far) if (c.first < before) f(id, c.count, c.weight)
  }
  /** Zero the dense counts this counter set (they are shared by every query). */
  clear(): void {
    const slots = SharedCounter.slots
    for (let i = 0; i < this.touched.length; i++) slots[this.touched[i]!] = 0
    this.touched.length = 0
    this.firsts.length = 0
    this.list = 0
    this.far.clear()
  }
}
