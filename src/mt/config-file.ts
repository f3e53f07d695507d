/**
 * The `mt` section of Tolk's config file (tolk.config.json or .tolkrc.json, found by walking up
 * from the working folder; see schema/tolk.config.schema.json): engine names to `URL` or
 * `KIND:URL`, as `--mt NAME=…` takes them. Keys never go here (they stay in the environment).
 */
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { CONFIG_NAMES } from '../check/config/find-config.js'
import { readJsonFile } from '../check/read-locales.js'
import { InvalidInput } from '../model/errors.js'

/** The nearest config file at or above `from`, or null. */
function nearestConfig(from: string): string | null {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const found = CONFIG_NAMES.map((n) => join(dir, n)).find((p) => existsSync(p))
    if (found) return found
    if (dirname(dir) === dir) return null
  }
}

/** The `NAME=…` specs of the config file's `mt` section (none without a file or a section). */
export function mtSpecsFromConfig(from: string): string[] {
  const file = nearestConfig(from)
  if (!file) return []
  const section = (readJsonFile(file).value as { mt?: unknown } | null)?.mt
  if (section === undefined) return []
  if (typeof section !== 'object' || section === null || Array.isArray(section)) {
    throw new InvalidInput(`${file}: "mt" maps engine names to "URL" or "KIND:URL"`, 'invalid-config')
  }
  return Object.entries(section).map(([name, value]) => {
    if (typeof value !== 'string') throw new InvalidInput(`${file}: mt.${name} is "URL" or "KIND:URL", not ${JSON.stringify(value)}`, 'invalid-config')
    return `${name}=${value}`
  })
}
