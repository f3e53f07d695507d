import { z } from 'zod'
import { InvalidInput } from '../model/errors.js'
import { ENGINE_NAME, MAX_MATCH_SCORE, type TranslationOrigin } from '../model/origin.js'

/**
 * The editor form's fields naming where the text came from: `origin=memory` with
 * `originScore=92`, or `origin=mt` with `originEngine=apertium`; `originEdited=1` when the
 * translator changed the inserted text before saving. The script sends them with the text it
 * inserted; the no-script conflict page carries them as hidden fields through "keep mine".
 */
export const ORIGIN_FIELDS = { kind: 'origin', score: 'originScore', engine: 'originEngine', edited: 'originEdited' } as const

// An empty field (a hidden input left blank) is the same as no field.
const blank = (v: unknown) => (v === '' ? undefined : v)

const originFields = z
  .object({
    [ORIGIN_FIELDS.kind]: z.preprocess(blank, z.enum(['memory', 'mt']).optional()),
    [ORIGIN_FIELDS.score]: z.preprocess(
      blank,
      z
        .string()
        .regex(/^\d{1,3}$/, `a whole number 0–${MAX_MATCH_SCORE}`)
        .transform(Number)
        .pipe(z.number().max(MAX_MATCH_SCORE, `a whole number 0–${MAX_MATCH_SCORE}`))
        .optional(),
    ),
    [ORIGIN_FIELDS.engine]: z.preprocess(blank, z.string().regex(ENGINE_NAME, 'an engine name').optional()),
    [ORIGIN_FIELDS.edited]: z.preprocess(blank, z.enum(['0', '1']).optional()),
  })
  .refine(
    (f) =>
      f.origin === 'memory' ? f.originScore !== undefined && f.originEngine === undefined
      : f.origin === 'mt' ? f.originEngine !== undefined && f.originScore === undefined
      : f.originScore === undefined && f.originEngine === undefined && f.originEdited === undefined,
    {
      message: `send ${ORIGIN_FIELDS.kind}=memory with ${ORIGIN_FIELDS.score}, ${ORIGIN_FIELDS.kind}=mt with ${ORIGIN_FIELDS.engine}, or neither`,
    },
  )

/**
 * The origin a posted editor form names, null for none. Throws InvalidInput (400: a page for the
 * form, problem+json for the script) for anything else, before anything is written.
 */
export function formOrigin(body: Record<string, unknown>): TranslationOrigin | null {
  const parsed = originFields.safeParse(Object.fromEntries(Object.values(ORIGIN_FIELDS).map((f) => [f, body[f]])))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : ''
    throw new InvalidInput(`${where}${issue?.message ?? 'invalid origin'}`, 'invalid-origin')
  }
  const f = parsed.data
  const edited = f.originEdited === '1' ? { edited: true } : {}
  if (f.origin === 'memory') return { kind: 'memory', score: f.originScore!, ...edited }
  if (f.origin === 'mt') return { kind: 'mt', engine: f.originEngine!, ...edited }
  return null
}

/** The hidden fields that carry an origin through a form, or none. */
export function originHidden(origin: TranslationOrigin | null): Record<string, string> {
  if (!origin) return {}
  const edited: Record<string, string> = origin.edited ? { [ORIGIN_FIELDS.edited]: '1' } : {}
  // The editor inserts memory and machine text only; an aligned origin is never posted by a form.
  if (origin.kind === 'memory') return { [ORIGIN_FIELDS.kind]: 'memory', [ORIGIN_FIELDS.score]: String(origin.score), ...edited }
  if (origin.kind === 'mt') return { [ORIGIN_FIELDS.kind]: 'mt', [ORIGIN_FIELDS.engine]: origin.engine, ...edited }
  return {}
}
