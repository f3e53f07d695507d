/**
 * The `--mt` flag of `serve` and `pretranslate`: `--mt NAME=URL` or `--mt NAME=KIND:URL`
 * configures an engine (over the config file's `mt` section and `TOLK_MT`, name by name);
 * `--mt NAME` names one they configure. Bad configuration is a UsageError: one line, exit 2.
 */
import { engineConfigs } from '../mt/config.js'
import { mtSpecsFromConfig } from '../mt/config-file.js'
import { createEngines } from '../mt/engines.js'
import type { MtEngine } from '../mt/types.js'
import { TolkError } from '../model/errors.js'
import { UsageError } from './output.js'

/** The help lines of the flag. */
export const MT_HELP = `  --mt NAME=URL    a machine-translation engine: NAME is its kind (apertium, deepl,
                   libretranslate, openai), or NAME=KIND:URL names one; its key only from
                   TOLK_MT_<NAME>_KEY. TOLK_MT holds the same, comma-separated`

/** Every engine configured by TOLK_MT and the `--mt` flags, by name. */
export function configuredEngines(flags: string[], env: NodeJS.ProcessEnv = process.env, from = process.cwd()): Map<string, MtEngine> {
  try {
    return createEngines(engineConfigs(flags.filter((f) => f.includes('=')), env, mtSpecsFromConfig(from)))
  } catch (err) {
    if (err instanceof TolkError) throw new UsageError(err.message)
    throw err
  }
}

/** The one engine `--mt NAME` or `--mt NAME=URL` stands for. */
export function chosenEngine(flag: string, env: NodeJS.ProcessEnv = process.env): MtEngine {
  const engines = configuredEngines([flag], env)
  const name = flag.split('=')[0]!.trim()
  const engine = engines.get(name)
  if (!engine) {
    const known = [...engines.keys()]
    throw new UsageError(
      `no engine "${name}" is configured: give --mt ${name}=URL, set TOLK_MT or the config file's mt section${known.length ? ` (configured: ${known.join(', ')})` : ''}`,
    )
  }
  return engine
}
