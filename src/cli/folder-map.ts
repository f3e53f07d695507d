/**
 * `--map zhtw=zh-TW`: locale folder names read as language tags, for every verb that reads or
 * writes an i18next tree (check, import-locales, export-locales). The config file's `check.map`
 * comes first, the flag's pairs over it.
 */
import { findCheckConfig } from '../check/config/find-config.js'
import { parseLanguage } from '../model/tags.js'
import { UsageError } from './output.js'

/** The `--map` option, for parseVerbArgs. */
export const MAP_OPTION = { map: { type: 'string' } } as const

/** The help line of `--map`. */
export const MAP_HELP = '  --map F=TAG,…  read the locale folder F as the language TAG (zhtw=zh-TW); default: the\n                 config file\'s check.map'

/** `--map zhtw=zh-TW,iw=he`: locale folder names read as languages (the tags checked). */
export function parseFolderMap(value: string | undefined): Map<string, string> {
  const map = new Map<string, string>()
  for (const part of (value ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const eq = part.indexOf('=')
    if (eq <= 0) throw new UsageError(`--map takes FOLDER=TAG pairs such as zhtw=zh-TW, not "${part}"`)
    map.set(part.slice(0, eq).trim(), parseLanguage(part.slice(eq + 1).trim()))
  }
  return map
}

/** The folder map of a verb: the nearest config file's `check.map`, then `--map` over it. */
export async function folderMap(flag: string | undefined): Promise<Map<string, string>> {
  const given = parseFolderMap(flag)
  const cfg = await findCheckConfig(process.cwd())
  return new Map([...(cfg?.map ?? []), ...given])
}
