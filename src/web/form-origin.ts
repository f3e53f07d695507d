import { z } from 'zod'
import { InvalidInput } from '../model/errors.js'
import { MAX_MATCH_SCORE, ORIGIN_KINDS, type TranslationOrigin } from '../model/origin.js'

/**
 * The editor form's fields naming where the text came from: `origin=memory` and
 * `originScore=92`, both or neither. The script sends them when the text saved is exactly the
 * match it inserted; the no-script conflict page carries them as hidden fields through "keep mine".
 */
export const ORIGIN_FIELDS = { kind: 'origin', score: 'originScore' } as const

// An empty field (a hidden input left blank) is the same as no field.
const blank = (v: unknown) => (v === '' ? undefined : v)

const originFields = z
  .object({
    [ORIGIN_FIELDS.kind]: z.preprocess(blank, z.enum(ORIGIN_KINDS).optional()),
    [ORIGIN_FIELDS.score]: z.preprocess(
      blank,
      z
        .string()
        .regex(/^\d{1,3}$/, `a whole number 0–${MAX_MATCH_SCORE}`)
        .transform(Number)
        .pipe(z.number().max(MAX_MATCH_SCORE, `a whole number 0–${MAX_MATCH_SCORE}`))
        .optional(),
    ),
  })
  .refine((f) => (f.origin === undefined) === (f.originScore === undefined), {
    message: `send ${ORIGIN_FIELDS.kind} and ${ORIGIN_FIELDS.score} together, or neither`,
  })

/**
 * The origin a posted editor form names, null for none. Throws InvalidInput (400: a page for the
 * form, problem+json for the script) for anything else, before anything is written.
 */
export function formOrigin(body: Record<string, unknown>): TranslationOrigin | null {
  const parsed = originFields.safeParse({
    [ORIGIN_FIELDS.kind]: body[ORIGIN_FIELDS.kind],
    [ORIGIN_FIELDS.score]: body[ORIGIN_FIELDS.score],
  })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : ''
    throw new InvalidInput(`${where}${issue?.message ?? 'invalid origin'}`, 'invalid-origin')
  }
  const { origin: kind, originScore: score } = parsed.data
  return kind === undefined || score === undefined ? null : { kind, score }
}

/** The hidden fields that carry an origin through a form, or none. */
export function originHidden(origin: TranslationOrigin | null): Record<string, string> {
  return origin ? { [ORIGIN_FIELDS.kind]: origin.kind, [ORIGIN_FIELDS.score]: String(origin.score) } : {}
}
