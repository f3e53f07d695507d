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
