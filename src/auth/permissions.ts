import { parseTag } from '../model/tags.js'
import type { State } from '../model/translation.js'
import type { Grant, Principal } from './types.js'

/** Why a principal may not do something, as a sentence for a 403; undefined when it may. */
export type Refusal = string | undefined

const isAdmin = (grants: Grant[]) => grants.some((g) => g.role === 'admin')

/** Any grant at all lets an account read. */
export function canRead(p: Principal): boolean {
  return p.grants.length > 0
}

/** Importing articles and managing accounts is for admins. */
export function refuseImport(p: Principal): Refusal {
  return isAdmin(p.grants) ? undefined : `${p.account} may not import articles: that needs the admin role`
}

/** Archiving and restoring articles is for admins. */
export function refuseArchive(p: Principal): Refusal {
  return isAdmin(p.grants) ? undefined : `${p.account} may not archive or restore articles: that needs the admin role`
}

/**
 * Writing a translation: admins anywhere; translators and reviewers in their languages; only
 * reviewers (and admins) may set `reviewed` or `final`, or reject (`rejected`).
 */
export function refuseWrite(p: Principal, lang: string, state: State): Refusal {
  if (isAdmin(p.grants)) return undefined
  const covers = (role: string) => p.grants.some((g) => g.role === role && g.langs.includes(lang))
  const reviewer = covers('reviewer')
  if (state === 'reviewed' || state === 'final' || state === 'rejected') {
    if (reviewer) return undefined
    const what = state === 'rejected' ? 'reject it' : `set it ${state}`
    return covers('translator')
      ? `${p.account} may translate ${lang} but not ${what}: that needs the reviewer role for ${lang}`
      : `${p.account} may not write ${lang}: no translator or reviewer grant for ${lang}`
  }
  if (reviewer || covers('translator')) return undefined
  return `${p.account} may not write ${lang}: no translator or reviewer grant for ${lang}`
}

/** A grant as one short word: `admin`, `translator:sv,de`. */
export function describeGrant(g: Grant): string {
  return g.langs.length > 0 ? `${g.role}:${g.langs.join(',')}` : g.role
}

/**
 * Editing a termbase (its entries, what it uses, imports): admins anywhere, terminologists for the
 * language of its tag (`sv` for sv-general). Everyone who may read reads termbases.
 */
export function refuseTermEdit(p: Principal, tag: string): Refusal {
  if (isAdmin(p.grants)) return undefined
  const lang = parseTag(tag).language
  if (p.grants.some((g) => g.role === 'terminologist' && g.langs.includes(lang))) return undefined
  return `${p.account} may not edit the termbase ${tag}: no terminologist grant for ${lang}`
}

/** Handing out work (assignments) in a language: admins anywhere, coordinators in their languages. */
export function refuseAssign(p: Principal, lang: string): Refusal {
  if (isAdmin(p.grants)) return undefined
  if (p.grants.some((g) => g.role === 'coordinator' && g.langs.includes(lang))) return undefined
  return `${p.account} may not assign work in ${lang}: that needs the admin role or the coordinator role for ${lang}`
}

/** Languages a principal coordinates: every one (`'*'`) for an admin. */
export function coordinatedLanguages(p: Principal): string[] | '*' {
  if (isAdmin(p.grants)) return '*'
  return p.grants.filter((g) => g.role === 'coordinator').flatMap((g) => g.langs)
}

/**
 * Why an account may not be given work in a language: an assignment never grants rights, so the
 * person needs a translator or reviewer grant for it (admins may write anywhere).
 */
export function refuseAssignee(name: string, grants: readonly Grant[], lang: string): Refusal {
  if (isAdmin([...grants])) return undefined
  if (grants.some((g) => (g.role === 'translator' || g.role === 'reviewer') && g.langs.includes(lang))) return undefined
  return `${name} cannot be assigned ${lang}: ${name} has no translator or reviewer grant for ${lang} (tolk user grant ${name} translator --lang ${lang})`
}
