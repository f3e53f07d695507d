/** Every output format of `tolk check`, by the name `--format` takes. */
import type { CheckResult } from '../types.js'

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
  /** github: annotations of each severity (GitHub shows 10 per step). */
  annotations?: number
}

/**
 * The output in one or more chunks, to be written in order (JSON comes in many, made lazily, to
 * save memory). Each format's module is loaded only when asked for: a CI run needs one of them.
 */
export async function render(format: FormatName, r: CheckResult, opts: RenderOptions): Promise<Iterable<string>> {
  switch (format) {
    case 'text':
      return [(await import('./text.js')).formatText(r, opts)]
    case 'json':
      return (await import('./json.js')).formatJson(r)
    case 'junit':
      return [(await import('./junit.js')).formatJunit(r)]
    case 'sarif':
      return [(await import('./sarif.js')).formatSarif(r, opts.version)]
    case 'github':
      return [(await import('./github.js')).formatGithub(r, opts.annotations)]
    case 'markdown':
      return [(await import('./markdown.js')).formatMarkdown(r, opts.limit ?? 50)]
  }
}
