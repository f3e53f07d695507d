import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { refuseImport } from '../../auth/permissions.js'
import { parseFolderLanguage } from '../../check/folder-language.js'
import { i18nextResources } from '../../formats/i18next-json.js'
import { loadExportData } from '../../formats/export-article.js'
import { nestResources } from '../../formats/i18next-resources.js'
import { resourceSetFile } from '../../formats/resource-set-files.js'
import { InvalidInput, NotFound } from '../../model/errors.js'
import { checkKey, isValidId } from '../../model/ids.js'
import { checkNamespace, namespaceProblem, resourceSetId } from '../../model/namespaces.js'
import { printable } from '../../model/tags.js'
import { TEXT_LIMITS } from '../../model/text-rule.js'
import { requireArticle } from '../../store/require-article.js'
import type { App, AppEnv, RouteDeps } from '../env.js'
import { orList } from '../errors.js'
import { problem, ProblemError } from '../problem.js'
import { parseFormStrict } from '../strict-form.js'
import { json, problems } from './responses.js'

/** The most keys one saveMissing post may carry (i18next sends one). */
export const MAX_MISSING_KEYS = 1000
/** The longest fallback value taken, in characters (the store checks it with the text rule). */
export const MAX_FALLBACK_LENGTH = TEXT_LIMITS.missingValue

/** The media types a saveMissing post may have. */
const MISSING_TYPES = ['application/json', 'application/x-www-form-urlencoded']

// Path parameters are checked by the handlers, which say what a namespace or language should be.
const param = (name: string, description: string, example: string) =>
  z.string().openapi({ param: { name, in: 'path' }, description, example })

/** A nested i18next JSON v4 resource object: strings, or objects of them. */
const RESOURCES = { $ref: '#/components/schemas/I18nextResources' }

/** Flat keys with string fallbacks, as i18next's saveMissing posts them (JSON or form fields). */
const MISSING = {
  type: 'object',
  additionalProperties: { type: 'string', maxLength: MAX_FALLBACK_LENGTH },
  maxProperties: MAX_MISSING_KEYS,
  example: { 'menu.file': 'File' },
} as const

const missingResult = z
  .strictObject({
    namespace: z.string(),
    lang: z.string(),
    created: z.boolean().openapi({ description: 'this post created the namespace' }),
    added: z.array(z.string()).openapi({ description: 'keys that became units (posts in the text language only)' }),
    existing: z.number().int().openapi({ description: 'keys that were there already, left alone' }),
    targetAdded: z.boolean().openapi({ description: 'the posted language was not a target and now is' }),
  })
  .openapi('MissingKeysResult')

const loadRoute = createRoute({
  method: 'get',
  path: '/locales/{lng}/{file}',
  tags: ['locales'],
  summary:
    "An i18next namespace in one language, as nested i18next JSON v4 (i18next-http-backend's loadPath); an article serves its units",
  request: {
    params: z.object({
      lng: param('lng', 'the language: the namespace\'s text language or one of its targets', 'sv'),
      file: param('file', 'NAMESPACE.json', 'app.json'),
    }),
  },
  responses: {
    200: { description: 'the resources; a key without a translation is left out', content: { 'application/json': { schema: RESOURCES } } },
    ...problems(400, 401, 404),
  },
})

/**
 * A namespace in a subfolder (`admin/users`): i18next-http-backend puts it into its load path as
 * it is, so the path runs on past one segment (`/locales/sv/admin/users.json`). OpenAPI has no
 * parameter that spans segments: the rest of the path is the wildcard.
 */
const loadNestedRoute = createRoute({
  method: 'get',
  path: '/locales/{lng}/*',
  tags: ['locales'],
  summary:
    'An i18next namespace from a subfolder (`admin/users`, asked for as /locales/sv/admin/users.json), as nested i18next JSON v4; see GET /locales/{lng}/{file}',
  request: { params: z.object({ lng: param('lng', 'the language: the namespace\'s text language or one of its targets', 'sv') }) },
  responses: {
    200: { description: 'the resources; a key without a translation is left out', content: { 'application/json': { schema: RESOURCES } } },
    ...problems(400, 401, 404),
  },
})

const addRoute = createRoute({
  method: 'post',
  path: '/locales/add/{lng}/{ns}',
  tags: ['locales'],
  summary:
    "i18next saveMissing (i18next-http-backend's addPath): in the text language, add each unknown key as a unit; in another, add the language as a target; admin",
  request: {
    params: z.object({
      lng: param('lng', 'the language the keys are missing in', 'en'),
      ns: param('ns', 'the namespace; created (in this language, with the server\'s --targets) when new', 'app'),
    }),
    // Documented, not validated here: the handler reads both media types and says what is wrong.
    body: { content: { 'application/json': { schema: MISSING }, 'application/x-www-form-urlencoded': { schema: MISSING } } },
  },
  responses: {
    200: json(missingResult, 'taken; the namespace existed'),
    201: json(missingResult, 'taken; the namespace was created'),
    ...problems(400, 401, 403, 404, 409, 413, 415),
  },
})

/** saveMissing for a namespace in a subfolder: `/locales/add/en/admin/users`. */
const addNestedRoute = createRoute({
  ...addRoute,
  path: '/locales/add/{lng}/*',
  summary: 'i18next saveMissing for a namespace from a subfolder (`admin/users`, posted to /locales/add/en/admin/users); see POST /locales/add/{lng}/{ns}',
  request: { params: z.object({ lng: param('lng', 'the language the keys are missing in', 'en') }), body: addRoute.request.body },
})

/**
 * The workbench as an i18next backend, on i18next-http-backend's default paths: namespaces read
 * as nested i18next JSON v4 (`loadPath`), and saveMissing posts (`addPath`) add keys to
 * resource sets. `targets`: the target languages of a namespace a post creates.
 */
export function registerLocales(app: App, { store }: RouteDeps, targets: readonly string[]): void {
  app.openAPIRegistry.registerComponent('schemas', 'I18nextResources', {
    type: 'object',
    description: 'i18next JSON v4: each key holds a string, or an object of further keys',
    additionalProperties: { anyOf: [{ type: 'string' }, RESOURCES] },
  })

  app.openapi(loadRoute, async (c) => {
    const file = c.req.param('file')
    const ns = file.endsWith('.json') ? file.slice(0, -'.json'.length) : ''
    if (!isValidId(ns)) throw new NotFound(`no namespace "${printable(file)}": ask for /locales/LANG/NAMESPACE.json`, 'unknown-article')
    const lng = parseFolderLanguage(c.req.param('lng'))
    const set = await store.resourceSets.get(ns)
    if (set) {
      // A subfolder namespace's derived id is no name of it: ask for /locales/LANG/FOLDER/NS.json.
      if (set.namespace !== ns) throw new NotFound(`no namespace "${printable(file)}": ask for /locales/LANG/NAMESPACE.json`, 'unknown-article')
      if (lng !== set.lang && !set.targets.includes(lng)) throw notIn(ns, lng, [set.lang, ...set.targets])
      return c.json(nestResources((await resourceSetFile(store, set, lng)).entries), 200) as never
    }
    const article = await requireArticle(store, ns)
    // An article as a namespace: the text language answers with the source texts, a target with
    // its translations.
    if (lng === article.lang) {
      const units = await store.listUnits(ns)
      return c.json(Object.fromEntries(units.map((u) => [u.id, u.source])), 200) as never
    }
    if (!article.targets.includes(lng)) throw notIn(ns, lng, [article.lang, ...article.targets])
    // The schema is a recursive JSON schema, which the typed answer cannot follow.
    return c.json(i18nextResources(await loadExportData(store, ns, lng)), 200) as never
  })

  app.openapi(loadNestedRoute, async (c) => {
    const lng = parseFolderLanguage(c.req.param('lng'))
    const file = afterLanguage(c.req.path, 2)
    const ns = file.endsWith('.json') ? file.slice(0, -'.json'.length) : ''
    const set = namespaceProblem(ns) === undefined ? await store.resourceSets.get(resourceSetId(ns)) : undefined
    if (!set || set.namespace !== ns) throw new NotFound(`no namespace "${printable(file)}": ask for /locales/LANG/FOLDER/NAMESPACE.json`, 'unknown-article')
    if (lng !== set.lang && !set.targets.includes(lng)) throw notIn(ns, lng, [set.lang, ...set.targets])
    return c.json(nestResources((await resourceSetFile(store, set, lng)).entries), 200) as never
  })

  const addMissing = async (c: Context<AppEnv>, ns: string) => {
    const principal = c.get('principal')
    // Creating units is an import: admins only (see README, "Who may do what").
    if (refuseImport(principal)) {
      throw new ProblemError(problem(403, 'forbidden', `${principal.account} may not add keys to i18next namespaces: that needs the admin role`))
    }
    const lang = parseFolderLanguage(c.req.param('lng') ?? '')
    const namespace = checkNamespace(ns)
    const keys = await missingKeys(c)
    const result = await store.resourceSets.addMissing({ namespace, lang, keys, targets: [...targets] })
    return c.json(result, result.created ? 201 : 200)
  }
  app.openapi(addRoute, (c) => addMissing(c, c.req.param('ns')) as never)
  app.openapi(addNestedRoute, (c) => addMissing(c, afterLanguage(c.req.path, 3)) as never)
}

/**
 * The rest of a path after its first `skip` segments (`/locales/sv/admin/users.json` less 2:
 * `admin/users.json`), each segment percent-decoded; '' when a segment does not decode or
 * decodes to a `/` (a namespace's folders are path segments, never an escaped slash).
 */
function afterLanguage(path: string, skip: number): string {
  const segments = path.split('/').slice(skip + 1)
  try {
    const decoded = segments.map((s) => decodeURIComponent(s))
    return decoded.some((s) => s.includes('/')) ? '' : decoded.join('/')
  } catch {
    return ''
  }
}

/** 404: i18next asks for a file per language, and this one does not exist. */
function notIn(ns: string, lng: string, langs: string[]): NotFound {
  return new NotFound(`namespace ${ns} has no language ${lng} (it has ${langs.join(', ')})`, 'not-a-target')
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
    throw new ProblemError(
      problem(415, 'unsupported-media-type', `Content-Type ${printable(type || 'none')} is not accepted here: send ${orList(MISSING_TYPES)}`, {
        accepted: MISSING_TYPES,
      }),
    )
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
