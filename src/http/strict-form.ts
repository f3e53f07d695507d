import type { Context } from 'hono'
import { InvalidInput } from '../model/errors.js'

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const ESCAPE = /%(?![0-9A-Fa-f]{2})/

/**
 * Decode an `application/x-www-form-urlencoded` body strictly: a `%` not followed by two hex
 * digits, or escapes whose bytes are not UTF-8, are refused (InvalidInput, 400) instead of
 * turning into U+FFFD as URLSearchParams and FormData do, which would store the damage silently.
 * Browsers escape every `%` they send, so only a broken client sends either.
 */
export function parseFormStrict(body: string): [string, string][] {
  const out: [string, string][] = []
  if (body === '') return out
  for (const part of body.split('&')) {
    if (part === '') continue
    const cut = part.indexOf('=')
    const name = decodeField(cut === -1 ? part : part.slice(0, cut))
    out.push([name, decodeField(cut === -1 ? '' : part.slice(cut + 1))])
  }
  return out
}

function decodeField(raw: string): string {
  const plus = raw.replace(/\+/g, ' ')
  if (!plus.includes('%')) return plus
  if (ESCAPE.test(plus)) throw brokenEscape()
  // Percent-escapes are bytes; any other character stands for its own UTF-8 bytes.
  const src = Buffer.from(plus, 'utf8')
  const bytes = Buffer.alloc(src.length)
  let n = 0
  for (let i = 0; i < src.length; i++) {
    if (src[i] === 0x25) {
      bytes[n++] = Number.parseInt(src.toString('latin1', i + 1, i + 3), 16)
      i += 2
    } else bytes[n++] = src[i]!
  }
  try {
    return UTF8.decode(bytes.subarray(0, n))
  } catch {
    throw brokenEscape()
  }
}

function brokenEscape(): InvalidInput {
  return new InvalidInput('the form holds a broken percent-escape (not UTF-8, or % without two hex digits): send the form again from the page', 'invalid-form')
}

const CACHE = 'strictForm'

/**
 * The posted form's fields as strings, decoded strictly (see parseFormStrict) and read once per
 * request; a multipart form goes through Hono's parser (file fields dropped).
 */
export async function formFields(c: Context): Promise<Record<string, string>> {
  const cached = c.get(CACHE as never) as Record<string, string> | undefined
  if (cached) return cached
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  const fields: Record<string, string> = Object.create(null) as Record<string, string>
  if (type === 'application/x-www-form-urlencoded') {
    for (const [k, v] of parseFormStrict(await c.req.text())) if (!(k in fields)) fields[k] = v
  } else if (type === 'multipart/form-data') {
    for (const [k, v] of Object.entries(await c.req.parseBody())) if (typeof v === 'string') fields[k] = v
  }
  c.set(CACHE as never, fields as never)
  return fields
}
