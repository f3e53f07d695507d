/**
 * i18next namespaces as names and as document ids. A namespace may sit in a subfolder of its
 * language folder (`en/admin/users.json` is the namespace `admin/users`, as i18next-fs-backend and
 * i18next-resources-to-backend load it), but a document id holds no `/`: it travels in URL paths,
 * file names, XLIFF `original` and PO headers. So a namespace that is a valid id is its own
 * document id, and any other gets an id derived from it (`ns-` and 24 hex digits of a SHA-256,
 * as keys that are no unit ids get `k-` ids); the store keeps the namespace beside that id
 * (schema 29, src/store/migrations/029-namespace-folders.ts).
 */
import { createHash } from 'node:crypto'
import { InvalidInput } from './errors.js'
import { isValidId } from './ids.js'
import { printable } from './tags.js'

/** The deepest subfolder a namespace may sit in: `a/b/c/d/e/f/g/h`. */
export const MAX_NAMESPACE_LEVELS = 8
/** The longest namespace, in characters (its path must stay a file path anywhere). */
export const MAX_NAMESPACE_LENGTH = 255

/**
 * Why `ns` is no namespace, or undefined when it is one: 1–8 names joined by `/`, each following
 * the id rule (letters, digits, `.`, `_`, `-`, never `.` or `..`). That refuses `..`, a leading
 * or trailing `/`, `//`, a backslash, control characters and spaces: nothing that could climb out
 * of a language folder or mean another file on another system.
 */
export function namespaceProblem(ns: string): string | undefined {
  if (ns.length === 0) return 'it is empty'
  if (ns.length > MAX_NAMESPACE_LENGTH) return `it is longer than ${MAX_NAMESPACE_LENGTH} characters`
  const parts = ns.split('/')
  if (parts.length > MAX_NAMESPACE_LEVELS) return `it is ${parts.length} folders deep; at most ${MAX_NAMESPACE_LEVELS} are read`
  for (const part of parts) {
    if (part === '') return 'it has an empty folder name (a leading, trailing or double "/")'
    if (!isValidId(part)) return `"${printable(part)}" is not 1–100 letters, digits, ".", "_" or "-" (and not "." or "..")`
  }
  return undefined
}

/** Return `ns` when it is a namespace, else throw InvalidInput (`invalid-id`) saying why. */
export function checkNamespace(ns: string, where = 'namespace'): string {
  const why = namespaceProblem(ns)
  if (why !== undefined) {
    throw new InvalidInput(`invalid ${where} "${printable(ns)}": ${why}; name namespaces like common or admin/users`, 'invalid-id')
  }
  return ns
}

/** The document id of a namespace: itself when it is a valid id, else `ns-` and 24 hex digits. */
export function resourceSetId(ns: string): string {
  if (isValidId(ns)) return ns
  return `ns-${createHash('sha256').update(ns).digest('hex').slice(0, 24)}`
}

/**
 * The document id a command-line ARTICLE names: a namespace with folders (`admin/users`) names
 * its set's derived id; anything else is taken as an id (no id holds a `/`).
 */
export function documentIdOf(arg: string): string {
  return arg.includes('/') ? resourceSetId(checkNamespace(arg)) : arg
}
