import { InvalidInput } from '../model/errors.js'
import { parseLanguage, printable } from '../model/tags.js'
import { LANGUAGE_ROLES, ROLES, type Grant, type Role } from './types.js'

/**
 * Check a role and its languages and build a grant: translator and reviewer need at least one
 * language, admin and viewer take none. Languages are canonicalised (`pt-br` → `pt-BR`).
 */
export function makeGrant(role: string, langs: readonly string[] = []): Grant {
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new InvalidInput(`unknown role "${printable(role)}": use ${ROLES.join(', ')}`, 'invalid-role')
  }
  const r = role as Role
  if (LANGUAGE_ROLES.includes(r)) {
    if (langs.length === 0) throw new InvalidInput(`the ${r} role needs its languages: add --lang sv,de`, 'invalid-grant')
    return { role: r, langs: [...new Set(langs.map((l) => parseLanguage(l)))] }
  }
  if (langs.length > 0) throw new InvalidInput(`the ${r} role covers every language: leave out --lang`, 'invalid-grant')
  return { role: r, langs: [] }
}

/** Merge a grant into a list: languages join an existing grant of the same role. */
export function mergeGrants(grants: readonly Grant[], add: Grant): Grant[] {
  const out = grants.map((g) => ({ role: g.role, langs: [...g.langs] }))
  const same = out.find((g) => g.role === add.role)
  if (!same) return [...out, { role: add.role, langs: [...add.langs] }]
  for (const l of add.langs) if (!same.langs.includes(l)) same.langs.push(l)
  return out
}
