/** How the units of a re-import relate to the stored ones. `moved` units are counted in `kept` too. */
export interface AlignmentCounts {
  kept: number
  moved: number
  stale: number
  new: number
  obsolete: number
}
