import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../cli/run-cli.js'

// The standalone checker (packages/tolk-check, issue 22 "An install a CI job can afford"): packed
// with npm pack, installed from the tarball into an empty folder with an empty npm cache, offline
// and without install scripts, it must print what `tolk check` prints. Speed and the figures are
// in bench/check-install.mjs; here only the mechanisms.
const work = mkdtempSync(join(tmpdir(), 'tolk-check-pkg-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))
const app = join(work, 'app')
let tarball = ''

function sh(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 << 20 })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** Every package.json of the install (the checker and what it brought), by folder. */
function packagesUnder(dir: string): Map<string, Record<string, unknown>> {
  const found = new Map<string, Record<string, unknown>>()
  const walk = (modules: string) => {
    if (!existsSync(modules)) return
    for (const name of readdirSync(modules)) {
      if (name.startsWith('.')) continue
      const at = join(modules, name)
      if (name.startsWith('@')) {
        walk(at)
        continue
      }
      const manifest = join(at, 'package.json')
      if (!existsSync(manifest)) continue
      found.set(relative(dir, at), JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, unknown>)
      walk(join(at, 'node_modules'))
    }
  }
  walk(join(dir, 'node_modules'))
  return found
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile())
}

describe('tolk-check, the checker on its own', () => {
  beforeAll(() => {
    const built = sh(process.execPath, ['scripts/build-check-package.mjs', '--pack', join(work, 'pack')], ROOT)
    expect(built.stderr).toBe('')
    expect(built.status).toBe(0)
    tarball = built.stdout.trim().split('\n').pop() as string
    mkdirSync(app)
    writeFileSync(join(app, 'package.json'), '{"name":"app","version":"1.0.0","private":true}\n')
    // An empty cache and --offline: the tarball must bring everything, nothing is downloaded.
    const install = sh('npm', ['install', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', '--cache', join(work, 'empty-cache'), tarball], app)
    expect(install.stderr).toBe('')
    expect(install.status).toBe(0)
  }, 120_000)

  it('installs without a native module, an install script or the store', () => {
    const packages = packagesUnder(app)
    expect([...packages.keys()].sort()).toEqual([
      'node_modules/tolk-check',
      'node_modules/tolk-check/node_modules/fdir',
      'node_modules/tolk-check/node_modules/picomatch',
      'node_modules/tolk-check/node_modules/saxes',
      'node_modules/tolk-check/node_modules/tinyglobby',
      'node_modules/tolk-check/node_modules/xmlchars',
    ])
    for (const [at, manifest] of packages) {
      const scripts = Object.keys((manifest.scripts ?? {}) as Record<string, string>)
      expect(scripts.filter((s) => ['preinstall', 'install', 'postinstall', 'prepare'].includes(s)), at).toEqual([])
      expect(manifest.gypfile, at).toBeUndefined()
    }
    const files = filesUnder(join(app, 'node_modules'))
    expect(files.filter((f) => f.endsWith('.node') || f.endsWith('binding.gyp'))).toEqual([])
    const own = files.filter((f) => f.startsWith('tolk-check/dist/'))
    expect(own).toContain('tolk-check/dist/check/check-locales.js')
    expect(own.filter((f) => /\/(store|report|segment|tm|http|web)\//.test(f))).toEqual([])
    expect(files.filter((f) => f.includes('better-sqlite3'))).toEqual([])
    expect(existsSync(join(app, 'node_modules/tolk-check/schema/tolk.config.schema.json'))).toBe(true)
    // What the issue asks of the install: under 2 MB, at most 6 packages in all.
    const bytes = files.reduce((sum, f) => sum + statSync(join(app, 'node_modules', f)).size, 0)
    expect(bytes).toBeLessThan(2_000_000)
  })

  const tree = relative(app, join(ROOT, 'tests/check/fixtures/real-tree/locales'))
  const golden = relative(app, join(ROOT, 'tests/check/fixtures/golden/locales'))
  const RUNS: Record<string, string[]> = {
    'real tree, text': ['--locales', tree, '--source', 'en-US'],
    'real tree, json': ['--locales', tree, '--source', 'en-US', '--format', 'json'],
    'real tree, mapped': ['--locales', tree, '--source', 'en-US', '--map', 'zhtw=zh-TW', '--format', 'github'],
    'golden, sarif': ['--locales', golden, '--source', 'en', '--format', 'sarif'],
    'golden, junit': ['--locales', golden, '--source', 'en', '--format', 'junit'],
    'golden, markdown': ['--locales', golden, '--source', 'en', '--format', 'markdown', '--min', '50'],
    'golden passes at 0': ['--locales', golden, '--source', 'en', '--min', '0', '--optional-plurals', 'few,many'],
    'files, XLIFF and PO': ['--files', 'l10n/*.xlf,l10n/*.po'],
    'a missing folder': ['--locales', 'nowhere'],
    'a bad flag': ['--locales', tree, '--min', 'lots'],
  }
  for (const [name, args] of Object.entries(RUNS)) {
    it(`prints what tolk check prints: ${name}`, () => {
      mkdirSync(join(app, 'l10n'), { recursive: true })
      writeFileSync(join(app, 'l10n', 'sv.xlf'), XLIFF)
      writeFileSync(join(app, 'l10n', 'de.po'), PO)
      const workbench = sh(process.execPath, [join(ROOT, 'bin/tolk.js'), 'check', ...args], app)
      const alone = sh('npx', ['--no', '--', 'tolk-check', ...args], app)
      expect(alone.stdout).toBe(workbench.stdout)
      expect(alone.stderr).toBe(workbench.stderr)
      expect(alone.status).toBe(workbench.status)
      expect(workbench.stdout + workbench.stderr).not.toBe('')
    })
  }

  it('leaves --db to the workbench, with one line and exit 2', () => {
    const r = sh('npx', ['--no', '--', 'tolk-check', '--db', 'tolk.sqlite'], app)
    expect(r.stderr).toBe('tolk check: --db needs tolk check of the workbench (it reads the database with better-sqlite3, a native build); tolk-check reads --locales, --files and --server\n')
    expect(r.status).toBe(2)
  })

  it('answers --help and --version', () => {
    const help = sh('npx', ['--no', '--', 'tolk-check', '--help'], app)
    expect(help.status).toBe(0)
    expect(help.stdout).toMatch(/^Usage: tolk-check --locales DIR/)
    expect(help.stdout).not.toContain('--db')
    const version = sh('npx', ['--no', '--', 'tolk-check', '--version'], app)
    expect(version.stdout).toBe(`${(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version}\n`)
  })
})

const XLIFF = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="app" source-language="en" target-language="sv" datatype="plaintext">
    <body>
      <trans-unit id="hello"><source>Hello {{name}}</source><target state="translated">Hej {{namn}}</target></trans-unit>
      <trans-unit id="bye"><source>Goodbye</source></trans-unit>
    </body>
  </file>
</xliff>
`

const PO = `msgid ""
msgstr ""
"Language: de\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Hello"
msgstr "Hallo"

msgid "Goodbye"
msgstr ""
`

/** The fenced block of `lang` that follows `marker` in docs/ci-check.md. */
function docBlock(marker: string, lang: string): string {
  const doc = readFileSync(join(ROOT, 'docs/ci-check.md'), 'utf8')
  const at = doc.indexOf(marker)
  expect(at).toBeGreaterThan(-1)
  const m = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(doc.slice(at))
  return m?.[1] ?? ''
}

/** A two-language tree that passes; `sv` without its key when `broken`. */
function writeTree(dir: string, broken = false): void {
  for (const [lang, value] of [['en', { nav: { home: 'Home', about: 'About {{name}}' } }], ['sv', broken ? { nav: { home: 'Hem' } } : { nav: { home: 'Hem', about: 'Om {{name}}' } }]] as const) {
    mkdirSync(join(dir, 'locales', lang), { recursive: true })
    writeFileSync(join(dir, 'locales', lang, 'common.json'), `${JSON.stringify(value, null, 2)}\n`)
  }
}

describe('the documentation of tolk-check, run as written', () => {
  // npm may not reach a registry here: the tarball brings all it needs.
  const npmEnv = () => ({ npm_config_offline: 'true', npm_config_cache: join(work, 'doc-cache') })

  it('runs the workflow steps, with the tarball for tolk-check', () => {
    const repo = mkdtempSync(join(work, 'workflow-'))
    writeTree(repo)
    const runs = [...docBlock('<!-- tested by tests/check/package.test.ts: each run line', 'yaml').matchAll(/^\s+- run: (.*)$/gm)].map((m) => m[1] as string)
    expect(runs).toHaveLength(2)
    const [install, check] = runs.map((cmd) => cmd.replace(/ tolk-check$/, ` ${tarball}`)) as [string, string]
    const installed = sh('sh', ['-c', install], repo, npmEnv())
    expect(installed.status).toBe(0)
    const passed = sh('sh', ['-c', check], repo)
    expect(passed.stderr).toBe('')
    expect(passed.status).toBe(0)
    writeTree(repo, true)
    const failed = sh('sh', ['-c', check], repo)
    expect(failed.stdout).toContain('::error file=locales/en/common.json,line=4')
    expect(failed.status).toBe(1)
  })

  it('refuses a commit with the pre-commit hook once a translation is missing', () => {
    const repo = mkdtempSync(join(work, 'hook-'))
    const git = (...args: string[]) => sh('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', ...args], repo)
    expect(git('init', '-q').status).toBe(0)
    writeFileSync(join(repo, '.gitignore'), '.tolk/\n')
    const install = docBlock('<!-- tested by tests/check/package.test.ts: each run line', 'yaml').match(/- run: (npm install .*)$/m)?.[1] as string
    expect(sh('sh', ['-c', install.replace(/ tolk-check$/, ` ${tarball}`)], repo, npmEnv()).status).toBe(0)
    const hook = join(repo, '.git', 'hooks', 'pre-commit')
    writeFileSync(hook, docBlock('<!-- tested by tests/check/package.test.ts: a commit', 'sh'), { mode: 0o755 })
    writeTree(repo)
    git('add', '-A')
    expect(git('commit', '-qm', 'complete').status).toBe(0)
    writeTree(repo, true)
    git('add', '-A')
    const refused = git('commit', '-qm', 'sv lost a key')
    expect(refused.stdout + refused.stderr).toContain('missing: nav.about')
    expect(refused.status).not.toBe(0)
    expect(git('log', '--format=%s').stdout).toBe('complete\n')
  })
})
