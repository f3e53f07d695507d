/**
 * The English noun for a count, for the CLI's and the check's own messages (the editor's strings
 * go through i18next instead): `plural(1, 'file')` is `file`, `plural(2, 'file')` and
 * `plural(0, 'file')` are `files`. `other` for nouns that do not just take an s (`entry`).
 */
export function plural(count: number, one: string, other = `${one}s`): string {
  return count === 1 ? one : other
}
