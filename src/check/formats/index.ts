/** Every output format of `tolk check`, by the name `--format` takes. */
import type { CheckResult } from '../types.js'
import { formatGithub } from './github.js'
import { formatJson } from './json.js'
import { formatJunit } from './junit.js'
import { formatMarkdown } from './markdown.js'
import { formatSarif } from './sarif.js'
import { formatText } from './text.js'

/** The names `--format` takes. */
export const FORMATS = ['text', 'json', 'junit', 'sarif', 'github', 'markdown'] as const
/** One of FORMATS. */
export type FormatName = (typeof FORMATS)[number]

/** Options some formats read. */
export interface RenderOptions {
  quiet?: boolean
  limit?: number
  /** Tolk's version, for SARIF's tool driver. */
  version: string
}

/** The output in one or more chunks, to be written in order (JSON comes in many, made lazily, to save memory). */
export function render(format: FormatName, r: CheckResult, opts: RenderOptions): Iterable<string> {
  switch (format) {
    case 'text':
      return [formatText(r, opts)]
    case 'json':
      return formatJson(r)
    case 'junit':
      return [formatJunit(r)]
    case 'sarif':
      return [formatSarif(r, opts.version)]
    case 'github':
      return [formatGithub(r)]
    case 'markdown':
      return [formatMarkdown(r, opts.limit ?? 50)]
  }
}
