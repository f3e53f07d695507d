import type { State } from '../../model/translation.js'
import { esc, type RowStrings } from '../pages/row.js'

/**
 * The symbol of each state, never colour alone: ○ untranslated, ✎ translated, ✓R reviewed,
 * ✓F final, ✗ rejected, and ⚠S over any of them for a stale one. The script keeps the same table.
 */
export const STATE_SYMBOLS: Record<State | 'stale', string> = {
  initial: '○',
  translated: '✎',
  reviewed: '✓R',
  final: '✓F',
  rejected: '✗',
  stale: '⚠S',
}

/** The status cell of a row: the symbol in the state's colour, and the state's name for all. */
export function stateMark(s: RowStrings, state: State, stale: boolean): string {
  const name = stale ? `${s.states[state]}, ${s.stale}` : s.states[state]
  const symbol = STATE_SYMBOLS[stale ? 'stale' : state]
  return `<span class="st st-${stale ? 'stale' : state}" title="${esc(name)}"><b aria-hidden="true">${symbol}</b><span class="sr-only">${esc(name)}</span></span>`
}
