import { InvalidInput } from '../model/errors.js'
import { parseLanguage, printable } from '../model/tags.js'
import { LANGUAGE_ROLES, ROLES, type Grant, type Role } from './types.js'

/**
 * Check a role and its languages and build a grant: translator and reviewer need at least one
 * language, admin and viewer take none. Languages are canonicalised (`pt-br` → `pt-BR`).
 */
export function makeGrant(role: string, langs: readonly string[] = []): Grant {
  const r = checkRole(role)
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

/**
 * Check what `tolk user revoke NAME ROLE [--lang …]` takes back: a whole role (no languages), or
 * some languages of a translator or reviewer grant.
 */
export function makeRevocation(role: string, langs: readonly string[] = []): Grant {
  return langs.length === 0 ? { role: checkRole(role), langs: [] } : makeGrant(role, langs)
}

function checkRole(role: string): Role {
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new InvalidInput(`unknown role "${printable(role)}": use ${ROLES.join(', ')}`, 'invalid-role')
  }
  return role as Role
}

/**
 * Take a revocation out of a list of grants: the whole role when it names no languages, else
 * those languages (a role left without languages goes). Undefined when the list holds none of it.
 */
export function withoutGrant(grants: readonly Grant[], take: Grant): Grant[] | undefined {
  const same = grants.find((g) => g.role === take.role)
  if (!same) return undefined
  if (take.langs.length === 0) return grants.filter((g) => g !== same)
  if (!take.langs.some((l) => same.langs.includes(l))) return undefined
  const langs = same.langs.filter((l) => !take.langs.includes(l))
  return grants.flatMap((g) => (g !== same ? [g] : langs.length > 0 ? [{ role: g.role, langs }] : []))
}
