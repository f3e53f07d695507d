import { createHash } from 'node:crypto'
import { InvalidInput } from './errors.js'
import { printable } from './tags.js'

const ID = /^[A-Za-z0-9._-]{1,100}$/

/** Whether `id` follows the id rule: 1–100 letters, digits, `.`, `_`, `-`, and not `.` or `..`. */
export function isValidId(id: string): boolean {
  return ID.test(id) && id !== '.' && id !== '..'
}

/** Return `id` if it follows the id rule, else throw InvalidInput naming what is wrong. */
export function checkId(id: string, what = 'id'): string {
  if (!isValidId(id)) {
    throw new InvalidInput(
      `invalid ${what} "${printable(id)}": use 1–100 letters, digits, ".", "_" or "-"`,
      'invalid-id',
    )
  }
  return id
}

/**
 * The tag an article id implies: `sv-general-01` → `sv-general`, `pt-BR-legal-12` → `pt-BR-legal`.
 * Returns undefined when the id does not end in `-<number>`.
 */
export function tagFromArticleId(id: string): string | undefined {
  const m = /^(.+)-\d+$/.exec(id)
  return m?.[1]
}

/**
 * The unit id of an i18next key in a namespace: the key itself when it follows the id rule
 * (`nav.home`), else a stable id derived from namespace and key (`k-` and 24 hex digits of a
 * SHA-256), since a key may hold spaces, `:`, `/`, emoji or run past 100 characters. The key itself
 * is stored beside such an id.
 */
export function unitIdOfKey(namespace: string, key: string): string {
  if (isValidId(key)) return key
  return `k-${createHash('sha256').update(`${namespace}\u0000${key}`).digest('hex').slice(0, 24)}`
}

/** Return `key` unless i18next cannot look it up (the empty key), else throw InvalidInput saying why. */
export function checkKey(key: string, where = 'key'): string {
  if (key === '') {
    throw new InvalidInput(`${where}: an empty key: i18next cannot look it up (t('') finds nothing); give it a name`, 'empty-key')
  }
  return key
}
