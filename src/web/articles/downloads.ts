import { EXPORT_FORMATS, type ExportFormat } from '../../formats/types.js'

/** What the article page offers to download: every export format, and the memory's TMX. */
export const DOWNLOADS = ['xliff2', 'xliff12', 'po', 'tmx', 'i18next', 'text', 'original', 'memory'] as const satisfies readonly (ExportFormat | 'memory')[]
export type Download = (typeof DOWNLOADS)[number]

/** The download a query's `format` names, or undefined. */
export function parseDownload(format: string | undefined): Download | undefined {
  return DOWNLOADS.find((d) => d === format)
}

// Every export format is on the page: a format added to EXPORT_FORMATS must be added above.
EXPORT_FORMATS satisfies readonly Exclude<Download, 'memory'>[]
