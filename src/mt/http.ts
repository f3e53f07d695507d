/**
 * The one way adapters call their engines: fetch with the caller's signal, a non-success status
 * turned into the documented reason (./errors.ts), a body that is not the JSON expected turned
 * into "malformed reply". Keys travel in headers only, so no reason or log line carries one.
 */
import { httpError, MtError } from './errors.js'

/**
 * Fetch `url` and parse its JSON answer; throws MtError for anything but a JSON success. An
 * error body may echo the key (OpenAI's "Incorrect API key provided: sk-…"): `secret`, and
 * anything shaped like a key, is cut out of the reason.
 */
export async function fetchJson(url: string, init: RequestInit, signal: AbortSignal, secret?: string): Promise<unknown> {
  const res = await fetch(url, { ...init, signal })
  const body = await res.text()
  if (!res.ok) throw httpError(res.status, res.headers.get('retry-after'), scrub(detailOf(body), secret))
  try {
    return JSON.parse(body) as unknown
  } catch {
    throw new MtError('malformed reply: not JSON')
  }
}

/** `text` without the key or anything shaped like one (`sk-…`, long runs of key characters). */
export function scrub(text: string, secret?: string): string {
  let out = secret ? text.split(secret).join('…') : text
  out = out.replace(/\bsk-[\w*-]+/g, 'sk-…').replace(/[A-Za-z0-9_*:-]{32,}/g, '…')
  return out
}

/** A short reason from an error body (`message`, `error`, `detail`), else its first characters. */
function detailOf(body: string): string {
  try {
    const j = JSON.parse(body) as Record<string, unknown>
    const m = j.message ?? j.error ?? j.detail ?? j.explanation
    if (typeof m === 'string') return m
    if (m && typeof m === 'object' && typeof (m as { message?: unknown }).message === 'string') return (m as { message: string }).message
  } catch {
    // not JSON: the text itself
  }
  return body.replace(/\s+/g, ' ').trim().slice(0, 120)
}

/** Throw "malformed reply" unless `ok` holds. */
export function expect(ok: boolean, what: string): asserts ok {
  if (!ok) throw new MtError(`malformed reply: ${what}`)
}

/** `base` with `path` appended (a trailing slash on base or not). */
export function join(base: string, path: string): string {
  return base.replace(/\/+$/, '') + path
}

/**
 * `load` called once and its answer kept (an engine's language list); a failed load is not
 * kept, so the next call asks again.
 */
export function keepOnSuccess<T>(load: (signal: AbortSignal) => Promise<T>): (signal: AbortSignal) => Promise<T> {
  let kept: Promise<T> | undefined
  return (signal) => {
    if (kept) return kept
    const p = load(signal)
    kept = p
    p.catch(() => {
      if (kept === p) kept = undefined
    })
    return p
  }
}
