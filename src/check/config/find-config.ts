/**
 * Finding Tolk's config file: `tolk.config.json` or `.tolkrc.json` in the working folder or the
 * nearest folder above it. Without one, i18next-cli's `i18next.config.json`, `.js` or `.mjs`
 * gives the locale tree: `extract.output` (the path before `{{language}}`), the source language
 * (`extract.primaryLanguage`, else the first of `locales`) and the languages (`locales`). No
 * other field of it is read, and a TypeScript config is not (there is no loader for it).
 */
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { InvalidInput } from '../../model/errors.js'
import { readJsonFile } from '../read-locales.js'
import { readCheckSection, type CheckConfig } from './check-config.js'

/** Tolk's own config files, in the order looked for; two in one folder exit 2. */
export const CONFIG_NAMES = ['tolk.config.json', '.tolkrc.json'] as const
/** i18next-cli's config files Tolk reads the locale tree from. */
export const I18NEXT_CLI_NAMES = ['i18next.config.json', 'i18next.config.js', 'i18next.config.mjs'] as const

/** The check's settings from the nearest config file above `from`, or null when there is none. */
export async function findCheckConfig(from: string): Promise<CheckConfig | null> {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const found = CONFIG_NAMES.map((n) => join(dir, n)).filter((p) => existsSync(p))
    if (found.length > 1) throw new InvalidInput(`${found.join(' and ')}: two config files in one folder; keep one`, 'invalid-config')
    if (found[0]) return readCheckSection(found[0], readJsonFile(found[0]).value)
    const cli = I18NEXT_CLI_NAMES.map((n) => join(dir, n)).find((p) => existsSync(p))
    if (cli) return fromI18nextCli(cli)
    if (dirname(dir) === dir) return null
  }
}

/** The check's settings from a config file named on the command line (Tolk's, or i18next-cli's). */
export async function readConfigAt(file: string): Promise<CheckConfig> {
  if (!existsSync(file)) throw new InvalidInput(`no config file at ${file}`, 'unreadable-file')
  const name = file.split(/[\\/]/).pop() ?? ''
  if ((I18NEXT_CLI_NAMES as readonly string[]).includes(name)) return fromI18nextCli(resolve(file))
  return readCheckSection(resolve(file), readJsonFile(file).value)
}

/** The fields of an i18next-cli config Tolk honours (see the module's comment). */
async function fromI18nextCli(file: string): Promise<CheckConfig> {
  let data: unknown
  if (file.endsWith('.json')) {
    data = readJsonFile(file).value
  } else {
    try {
      const mod = (await import(pathToFileURL(file).href)) as { default?: unknown }
      data = mod.default ?? mod
    } catch (err) {
      throw new InvalidInput(`cannot load ${file}: ${(err as Error).message.split('\n')[0]}`, 'invalid-config')
    }
  }
  const cfg = (typeof data === 'object' && data !== null ? data : {}) as { locales?: unknown; extract?: { output?: unknown; primaryLanguage?: unknown } }
  const section: Record<string, unknown> = {}
  const output = cfg.extract?.output
  if (typeof output === 'string' && output.includes('{{language}}')) section.locales = output.slice(0, output.indexOf('{{language}}')).replace(/[\\/]+$/, '') || '.'
  const locales = Array.isArray(cfg.locales) ? cfg.locales.filter((l): l is string => typeof l === 'string') : []
  const source = typeof cfg.extract?.primaryLanguage === 'string' ? cfg.extract.primaryLanguage : locales[0]
  if (source !== undefined) section.source = source
  const targets = locales.filter((l) => l !== source)
  if (targets.length > 0) section.lang = targets
  return readCheckSection(file, { check: section })
}
