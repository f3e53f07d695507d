import type en from '../../../locales/en/translation.json'

/** One line of the editor's key map: the keys as a translator presses them, and what they do. */
export interface KeyBinding {
  keys: string
  /** The i18next key of the description. */
  does: `keys.${keyof (typeof en)['keys']}`
  /** Reserved for an issue not landed yet: listed so the map has no surprises, wired to nothing. */
  coming?: true
  /** Only with write rights (a read-only view lists the moving keys only). */
  writes?: true
}

/**
 * The editor's whole key map, in one place: the help overlay lists it and the docs describe it.
 * Every key of the script is here, so that later issues adding keys find any clash at once.
 */
export const KEY_MAP: readonly KeyBinding[] = [
  { keys: 'Ctrl+Enter', does: 'keys.save', writes: true },
  { keys: 'Ctrl+Shift+Enter', does: 'keys.review', writes: true },
  { keys: 'Alt+↑ / Alt+↓', does: 'keys.move' },
  { keys: '↑ / ↓, Enter', does: 'keys.rows' },
  { keys: 'Esc', does: 'keys.leave' },
  { keys: 'Alt+Enter', does: 'keys.confirm', writes: true },
  { keys: 'Alt+R', does: 'keys.reject', writes: true },
  { keys: 'Alt+C', does: 'keys.copy', writes: true },
  { keys: 'Alt+1 … Alt+9', does: 'keys.code', writes: true },
  { keys: 'Alt+0', does: 'keys.missing', writes: true },
  { keys: 'Backspace / Delete', does: 'keys.chip', writes: true },
  { keys: 'Ctrl+1 … Ctrl+3', does: 'keys.memory', writes: true },
  { keys: 'Ctrl+Shift+1 … 3', does: 'keys.machine', writes: true },
  { keys: 'Ctrl+Alt+1 … 9', does: 'keys.term', writes: true },
  { keys: '?', does: 'keys.help' },
]

/** The key map's rows for an account: all of them when it may write, else the moving keys. */
export function keyRows(canWrite: boolean): readonly KeyBinding[] {
  return canWrite ? KEY_MAP : KEY_MAP.filter((k) => !k.writes)
}
