import type { Context } from 'hono'
import { refuseImport } from '../../auth/permissions.js'
import { i18nextResources } from '../../formats/i18next-json.js'
import { loadExportData } from '../../formats/export-article.js'
import { nestResources } from '../../formats/i18next-resources.js'
import { resourceSetFile } from '../../formats/resource-set-files.js'
import { InvalidInput, NotFound } from '../../model/errors.js'
import { checkId, checkKey, isValidId } from '../../model/ids.js'
import { parseLanguage, printable } from '../../model/tags.js'
import { TEXT_LIMITS } from '../../model/text-rule.js'
import type { App, AppEnv, RouteDeps } from '../env.js'
import { problem, ProblemError } from '../problem.js'
import { parseFormStrict } from '../strict-form.js'

/** The most keys one saveMissing post may carry (i18next sends one). */
export const MAX_MISSING_KEYS = 1000
/** The longest fallback value taken, in characters (the store checks it with the text rule). */
export const MAX_FALLBACK_LENGTH = TEXT_LIMITS.missingValue

/**
 * The workbench as an i18next backend, on i18next-http-backend's default paths: namespaces read
 * as nested i18next JSON v4 (`loadPath`), and saveMissing posts (`addPath`) add keys to
 * resource sets. `targets`: the target languages of a namespace a post creates.
 */
export function registerLocales(app: App, { store }: RouteDeps, targets: readonly string[]): void {
  app.get('/locales/:lng/:file', async (c) => {
    const file = c.req.param('file')
    const ns = file.endsWith('.json') ? file.slice(0, -'.json'.length) : ''
    if (!isValidId(ns)) throw new NotFound(`no namespace "${printable(file)}": ask for /locales/LANG/NAMESPACE.json`)
    const lng = parseLanguage(c.req.param('lng'))
    const set = await store.resourceSets.get(ns)
    if (set) {
      if (lng !== set.lang && !set.targets.includes(lng)) throw new NotFound(`namespace ${ns} has no language ${lng}`)
      return c.json(nestResources((await resourceSetFile(store, set, lng)).entries), 200)
    }
    const article = await store.getArticle(ns)
    if (!article) throw new NotFound(`no namespace "${ns}"`)
    // An article as a namespace: the text language answers with the source texts, a target with
    // its translations.
    if (lng === article.lang) {
      const units = await store.listUnits(ns)
      return c.json(Object.fromEntries(units.map((u) => [u.id, u.source])), 200)
    }
    if (!article.targets.includes(lng)) throw new NotFound(`namespace ${ns} has no language ${lng}`)
    return c.json(i18nextResources(await loadExportData(store, ns, lng)), 200)
  })

  app.post('/locales/add/:lng/:ns', async (c) => {
    const principal = c.get('principal')
    // Creating units is an import: admins only (see README, "Who may do what").
    if (refuseImport(principal)) {
      throw new ProblemError(problem(403, 'forbidden', `${principal.account} may not add keys to i18next namespaces: that needs the admin role`))
    }
    const lang = parseLanguage(c.req.param('lng'))
    const namespace = checkId(c.req.param('ns'), 'namespace')
    const keys = await missingKeys(c)
    const result = await store.resourceSets.addMissing({ namespace, lang, keys, targets: [...targets] })
    return c.json(result, result.created ? 201 : 200)
  })
}

/** The flat `{"key": "fallback"}` of a saveMissing post, JSON or form-encoded, checked. */
async function missingKeys(c: Context<AppEnv>): Promise<[string, string][]> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  let pairs: [string, unknown][]
  if (type === 'application/json') {
    const body: unknown = await c.req.json()
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new InvalidInput('the body must be a JSON object of keys and fallback values, such as {"menu.file": "File"}', 'invalid-resource')
    }
    pairs = Object.entries(body)
  } else if (type === 'application/x-www-form-urlencoded') {
    pairs = parseFormStrict(await c.req.text())
    const seen = new Set<string>()
    for (const [k] of pairs) {
      if (seen.has(k)) throw new InvalidInput(`the key ${printable(k)} is posted twice: send it once`, 'duplicate-key')
      seen.add(k)
    }
  } else {
    throw new ProblemError(problem(415, 'unsupported-media-type', `Content-Type ${printable(type || 'none')} is not accepted here: send application/json or application/x-www-form-urlencoded`))
  }
  if (pairs.length === 0) throw new InvalidInput('the post names no key: send {"key": "fallback"}', 'no-keys')
  if (pairs.length > MAX_MISSING_KEYS) {
    throw new InvalidInput(`the post has ${pairs.length} keys; send at most ${MAX_MISSING_KEYS} (or import the files with tolk import-locales)`, 'too-many-keys')
  }
  for (const [key, value] of pairs) {
    checkKey(key, 'key')
    if (typeof value !== 'string') {
      throw new InvalidInput(`the value of ${key} is not a string: saveMissing posts flat keys with string fallbacks`, 'invalid-resource')
    }
  }
  return pairs as [string, string][]
}
