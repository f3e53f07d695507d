/** How i18next projects name a language's folder, read as a tag (the tree reader's and the backend paths' rule). */
import { parseLanguage } from '../model/tags.js'

/**
 * The language a locale folder's name (or an i18next backend path's `lng`) gives: a BCP 47 tag,
 * or one written with `_` for `-` (`pt_BR`), canonical; InvalidInput when it names none.
 */
export function parseFolderLanguage(name: string): string {
  try {
    return parseLanguage(name)
  } catch (err) {
    if (!name.includes('_')) throw err
    return parseLanguage(name.replaceAll('_', '-'))
  }
}
