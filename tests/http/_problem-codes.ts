import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { ROOT } from '../cli/run-cli.js'

/** One place that can answer with a problem type: its code, status(es), and where. */
export interface Emitted {
  code: string
  statuses: number[]
  at: string
}

/**
 * The source files a Tolk server runs: `src/server.ts` and every module it imports, statically
 * or with `import()`, leaving out type-only imports.
 */
export function serverModules(root = path.join(ROOT, 'src/server.ts')): string[] {
  const seen = new Set<string>()
  const stack = [root]
  while (stack.length > 0) {
    const file = stack.pop()!
    if (seen.has(file)) continue
    seen.add(file)
    const sf = parse(file)
    const specs: string[] = []
    const visit = (n: ts.Node): void => {
      if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
        const typeOnly = ts.isImportDeclaration(n) ? n.importClause?.isTypeOnly : n.isTypeOnly
        if (!typeOnly) specs.push(n.moduleSpecifier.text)
      }
      if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword && n.arguments[0] && ts.isStringLiteral(n.arguments[0])) {
        specs.push(n.arguments[0].text)
      }
      ts.forEachChild(n, visit)
    }
    visit(sf)
    for (const s of specs) {
      if (!s.startsWith('.')) continue
      const base = path.resolve(path.dirname(file), s).replace(/\.js$/, '')
      for (const ext of ['.ts', '.tsx']) if (fs.existsSync(base + ext)) stack.push(base + ext)
    }
  }
  return [...seen].sort()
}

const parsed = new Map<string, ts.SourceFile>()

/** A file's syntax tree, parsed once (no parent links: every position is read with its file). */
function parse(file: string): ts.SourceFile {
  let sf = parsed.get(file)
  if (!sf) {
    const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS
    sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, kind)
    parsed.set(file, sf)
  }
  return sf
}

/** The statuses an expression can have: a number, or a conditional between numbers. */
function statusesOf(e: ts.Expression | undefined, fallback: number): number[] | undefined {
  if (e === undefined) return [fallback]
  if (ts.isNumericLiteral(e)) return [Number(e.text)]
  if (ts.isParenthesizedExpression(e)) return statusesOf(e.expression, fallback)
  if (ts.isConditionalExpression(e)) {
    const a = statusesOf(e.whenTrue, fallback)
    const b = statusesOf(e.whenFalse, fallback)
    return a && b ? [...new Set([...a, ...b])] : undefined
  }
  return undefined
}

/**
 * Every problem type `files` can emit, read from the source: each `new` of a TolkError class
 * (TolkError, InvalidInput, NotFound, and every subclass, whose codes are in their `super(…)`
 * calls), and each `problem(status, 'code', …)` call. Calls whose code is not a literal are
 * listed in `dynamic`, for the test to check against the few that pass a TolkError's code on.
 */
export function emittedProblems(files: readonly string[]): { emitted: Emitted[]; dynamic: string[] } {
  const sources = files.map(parse)
  // Class name → how its constructor takes the code and status. Subclasses are found by name,
  // in as many rounds as it takes (a subclass of a subclass).
  const bases: Record<string, { code: number | 'fixed' | 'default'; status: number | 'arg2'; fallback?: string }> = {
    TolkError: { code: 0, status: 'arg2' },
    InvalidInput: { code: 1, status: 400, fallback: 'invalid-input' },
    NotFound: { code: 1, status: 404 },
  }
  const emitted: Emitted[] = []
  const dynamic: string[] = []
  const where = (sf: ts.SourceFile, n: ts.Node) => `${path.relative(ROOT, sf.fileName)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`
  const add = (code: ts.Expression | undefined, statuses: number[] | undefined, at: string, fallback?: string) => {
    const text = code === undefined ? fallback : ts.isStringLiteralLike(code) ? code.text : undefined
    if (text === undefined || statuses === undefined) dynamic.push(at)
    else emitted.push({ code: text, statuses, at })
  }

  let grew = true
  while (grew) {
    grew = false
    for (const sf of sources) {
      const visit = (n: ts.Node): void => {
        if (ts.isClassDeclaration(n) && n.name && !(n.name.text in bases)) {
          const parent = n.heritageClauses?.flatMap((h) => h.types).map((t) => t.expression.getText(sf))[0]
          if (parent && parent in bases) {
            bases[n.name.text] = { code: 'fixed', status: 400 }
            grew = true
          }
        }
        ts.forEachChild(n, visit)
      }
      visit(sf)
    }
  }

  for (const sf of sources) {
    let inClass: string | undefined
    const visit = (n: ts.Node): void => {
      const outer = inClass
      if (ts.isClassDeclaration(n) && n.name) inClass = n.name.text
      if (ts.isNewExpression(n) && ts.isIdentifier(n.expression)) {
        const how = bases[n.expression.text]
        const args = n.arguments ?? []
        if (how && typeof how.code === 'number') {
          const status = how.status === 'arg2' ? statusesOf(args[2], 400) : [how.status]
          add(args[how.code], status, where(sf, n), how.fallback)
        }
      }
      // A subclass's code and status are those it hands its base class.
      if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.SuperKeyword && inClass && bases[inClass]?.code === 'fixed') {
        const parent = (sf.statements.find((s) => ts.isClassDeclaration(s) && s.name?.text === inClass) as ts.ClassDeclaration | undefined)
          ?.heritageClauses?.[0]?.types[0]?.expression.getText(sf)
        const how = parent ? bases[parent] : undefined
        if (how && typeof how.code === 'number') {
          const status = how.status === 'arg2' ? statusesOf(n.arguments[2], 400) : [how.status]
          add(n.arguments[how.code], status, where(sf, n), how.fallback)
        }
      }
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && ['problem', 'problemOf'].includes(n.expression.text)) {
        add(n.arguments[1], statusesOf(n.arguments[0], 0), where(sf, n))
      }
      ts.forEachChild(n, visit)
      inClass = outer
    }
    visit(sf)
  }
  return { emitted, dynamic }
}
