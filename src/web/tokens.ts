/** What kind of protected piece of a source text a token is. */
export type TokenKind = 'interpolation' | 'nesting' | 'link' | 'code' | 'emphasis' | 'html'

/** A protected piece of a source text: placeholder or inline markup a translation must keep. */
export interface Token {
  kind: TokenKind
  /** The token as it stands in the source, which is what inserting it types. */
  text: string
  /** What a translation must contain for the token to count as kept (a link keeps its target). */
  keep: string
}

// One alternation, tried left to right at each position: i18next interpolation {{…}} and nesting
// $t(…), a Markdown link's target ](…), a code span, an HTML tag, then emphasis delimiters.
// Every branch is bounded by a closing character that its body cannot contain, so no backtracking
// blows up on long text.
const TOKEN =
  /\{\{[^{}]{1,200}\}\}|\$t\([^()]{1,200}\)|\]\([^()\s]{1,500}\)|`[^`\n]{1,200}`|<\/?[A-Za-z][\w-]{0,30}(?:\s[^<>]{0,300})?\/?>|\*\*|__|\*|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu

/**
 * The protected tokens of a source text, in order (repeats included).
 * @example
 * findTokens('Hi {{name}}, see [docs](https://x.se)') // {{name}}, and the link kept as ](https://x.se)
 */
export function findTokens(source: string): Token[] {
  const out: Token[] = []
  for (const m of source.matchAll(TOKEN)) {
    const text = m[0]
    out.push({ kind: kindOf(text), text, keep: text })
  }
  return out
}

function kindOf(text: string): TokenKind {
  if (text.startsWith('{{')) return 'interpolation'
  if (text.startsWith('$t(')) return 'nesting'
  if (text.startsWith('](')) return 'link'
  if (text.startsWith('`')) return 'code'
  if (text.startsWith('<')) return 'html'
  return 'emphasis'
}

/**
 * The source's tokens a translation lost or mangled: each distinct token must occur in the
 * target at least as often as in the source. Emphasis delimiters are compared by count only,
 * since they move with the words they mark.
 */
export function missingTokens(source: string, target: string): Token[] {
  const want = new Map<string, { token: Token; n: number }>()
  for (const t of findTokens(source)) {
    const e = want.get(t.keep)
    if (e) e.n++
    else want.set(t.keep, { token: t, n: 1 })
  }
  if (want.size === 0) return []
  const have = new Map<string, number>()
  for (const t of findTokens(target)) have.set(t.keep, (have.get(t.keep) ?? 0) + 1)
  const missing: Token[] = []
  for (const [keep, { token, n }] of want) if ((have.get(keep) ?? 0) < n) missing.push(token)
  return missing
}

/** Distinct tokens in order of first appearance: what the editor offers to insert. */
export function insertableTokens(source: string): Token[] {
  const seen = new Set<string>()
  return findTokens(source).filter(
    (t) => t.kind !== 'emphasis' && !seen.has(t.text) && seen.add(t.text),
  )
}
