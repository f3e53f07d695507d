/**
 * Which engines are configured: `--mt NAME=URL` (NAME is a kind), `--mt NAME=KIND:URL` (an
 * engine of that kind named NAME), repeatable, and the `TOLK_MT` variable holding the same,
 * comma-separated; a flag overrides the variable's engine of the same name. A key comes only
 * from `TOLK_MT_<NAME>_KEY` (an OpenAI-compatible model from `TOLK_MT_<NAME>_MODEL`), never from a
 * flag, so it never shows in a process list, a log or an answer.
 * The `mt` section of tolk.config.json comes first (./config-file.ts).
 */
import { readFileSync } from 'node:fs'
import { InvalidInput } from '../model/errors.js'
import { ENGINE_KINDS, type EngineConfig, type EngineKind } from './types.js'

const NAME = /^[a-z][a-z0-9-]{0,30}$/

/** The environment variable holding an engine's key (or `suffix`). */
export function envName(name: string, suffix = 'KEY'): string {
  return `TOLK_MT_${name.toUpperCase().replace(/-/g, '_')}_${suffix}`
}

/** One `NAME=URL` or `NAME=KIND:URL`, checked; throws InvalidInput with a one-line reason. */
export function parseEngineSpec(spec: string, env: NodeJS.ProcessEnv = {}): EngineConfig & { model?: string } {
  const eq = spec.indexOf('=')
  if (eq < 0) throw new InvalidInput(`--mt takes NAME=URL or NAME=KIND:URL, not "${spec}"`, 'invalid-mt')
  const name = spec.slice(0, eq).trim()
  let rest = spec.slice(eq + 1).trim()
  if (!NAME.test(name)) throw new InvalidInput(`an engine name is lower-case letters, digits and -, not "${name}"`, 'invalid-mt')
  const m = /^([a-z]+):(?!\/\/)(.*)$/.exec(rest)
  let kind: string = name
  if (m) [kind, rest] = [m[1]!, m[2]!]
  if (!(ENGINE_KINDS as readonly string[]).includes(kind)) {
    throw new InvalidInput(
      `unknown engine kind "${kind}" for ${name}: one of ${ENGINE_KINDS.join(', ')} (NAME=KIND:URL names another)`,
      'invalid-mt',
    )
  }
  let url: URL
  try {
    url = new URL(rest)
  } catch {
    throw new InvalidInput(`the URL of engine ${name} is not a URL: "${rest}"`, 'invalid-mt')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidInput(`the URL of engine ${name} must be http or https`, 'invalid-mt')
  if (url.username || url.password) throw new InvalidInput(`engine ${name}: give its key in ${envName(name)}, not in the URL`, 'invalid-mt')
  const key = keyOf(name, env)
  const model = env[envName(name, 'MODEL')]
  return { name, kind: kind as EngineKind, url: url.href.replace(/\/$/, ''), ...(key ? { key } : {}), ...(model ? { model } : {}) }
}

/**
 * An engine's key: `TOLK_MT_<NAME>_KEY`, or the first line of the file `TOLK_MT_<NAME>_KEY_FILE`
 * names (a secret mounted as a file). An unreadable file is refused, naming the variable only.
 */
function keyOf(name: string, env: NodeJS.ProcessEnv): string | undefined {
  const direct = env[envName(name)]
  if (direct) return direct
  const file = env[envName(name, 'KEY_FILE')]
  if (!file) return undefined
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    throw new InvalidInput(`engine ${name}: cannot read the key file that ${envName(name, 'KEY_FILE')} names`, 'invalid-mt')
  }
  const key = text.split(/\r?\n/)[0]!.trim()
  if (!key) throw new InvalidInput(`engine ${name}: the key file that ${envName(name, 'KEY_FILE')} names is empty`, 'invalid-mt')
  return key
}

/**
 * Every configured engine: the config file's `mt` section (`fileSpecs`) first, then `TOLK_MT`,
 * then the flags, a later name replacing an earlier.
 */
export function engineConfigs(flags: string[], env: NodeJS.ProcessEnv, fileSpecs: string[] = []): (EngineConfig & { model?: string })[] {
  const specs = [...fileSpecs, ...(env.TOLK_MT ?? '').split(',').map((s) => s.trim()).filter(Boolean), ...flags]
  const byName = new Map<string, EngineConfig>()
  for (const s of specs) {
    const c = parseEngineSpec(s, env)
    byName.set(c.name, c)
  }
  return [...byName.values()]
}
