// Builds packages/tolk-check, the standalone `tolk-check` (docs/ci-check.md, "Without the
// workbench"): the compiled modules `tolk check` runs for --locales, --files and --server, copied
// from dist/ in their layout, and the two small libraries they import, bundled into the package
// (bundleDependencies) so that installing its tarball downloads nothing and compiles nothing.
//
//   npm run build && node scripts/build-check-package.mjs [--pack DIR]
//
// --pack DIR also runs `npm pack` into DIR and prints the tarball's path as the last line.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const PKG = join(ROOT, 'packages', 'tolk-check')
const DIST = join(ROOT, 'dist')
const ENTRY = join(DIST, 'cli', 'check-main.js')
// The --db path: it opens the store (better-sqlite3, a native build) and runs the QA checks over
// it (--qa, with the termbase's stemmers). tolk-check refuses --db
// before it would load these (src/cli/check-main.ts).
const WORKBENCH_ONLY = new Set(['cli/store-access.js', 'report/build-report.js', 'qa/article-qa.js'])

const { values } = parseArgs({ options: { pack: { type: 'string' } } })
if (!existsSync(ENTRY)) fail('dist/cli/check-main.js is missing: run `npm run build` first')

const manifest = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8'))
const { files, external } = modulesOf(ENTRY)
const allowed = new Set(Object.keys(manifest.dependencies ?? {}))
const stray = [...external].filter((s) => !isBuiltin(s) && !allowed.has(packageName(s)))
if (stray.length > 0) fail(`the check path imports ${stray.join(', ')}: not a dependency of tolk-check (keep it small, or add it there)`)

rmSync(join(PKG, 'dist'), { recursive: true, force: true })
for (const file of files) {
  const to = join(PKG, 'dist', relative(DIST, file))
  mkdirSync(dirname(to), { recursive: true })
  cpSync(file, to)
}
mkdirSync(join(PKG, 'schema'), { recursive: true })
cpSync(join(ROOT, 'schema', 'tolk.config.schema.json'), join(PKG, 'schema', 'tolk.config.schema.json'))

// One version for both: the checker reports it (JUnit, SARIF) as the workbench does.
const rootVersion = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version
if (manifest.version !== rootVersion) {
  manifest.version = rootVersion
  writeFileSync(join(PKG, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
}

rmSync(join(PKG, 'node_modules'), { recursive: true, force: true })
for (const [name, version] of Object.entries(manifest.dependencies ?? {})) bundle(name, version)

console.log(`tolk-check ${manifest.version}: ${files.length} modules, bundled ${manifest.bundleDependencies.join(', ')} and their dependencies`)
if (values.pack !== undefined) {
  const dest = resolve(values.pack)
  mkdirSync(dest, { recursive: true })
  const r = spawnSync('npm', ['pack', '--silent', '--pack-destination', dest], { cwd: PKG, encoding: 'utf8' })
  if (r.status !== 0) fail(`npm pack failed (exit ${r.status}): ${r.stderr}`)
  console.log(join(dest, r.stdout.trim().split('\n').pop()))
}

/** Every module `entry` reaches through static and dynamic imports, and the bare specifiers met. */
function modulesOf(entry) {
  const files = new Set()
  const external = new Set()
  const walk = (file) => {
    if (files.has(file) || WORKBENCH_ONLY.has(relative(DIST, file))) return
    files.add(file)
    const text = readFileSync(file, 'utf8')
    // tsc's output: `import … from '…'`, `export … from '…'`, `import '…'`, `import('…')`.
    for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)) {
      const spec = m[1]
      if (spec.startsWith('.')) walk(resolve(dirname(file), spec))
      else external.add(spec)
    }
  }
  walk(entry)
  return { files: [...files].sort(), external }
}

/** Copy the root's installed `name` (and what it needs) into the package's node_modules. */
function bundle(name, range) {
  const from = join(ROOT, 'node_modules', name)
  const meta = JSON.parse(readFileSync(join(from, 'package.json'), 'utf8'))
  const to = join(PKG, 'node_modules', name)
  if (existsSync(to)) return
  if (range !== undefined && /^\d/.test(range) && meta.version !== range) fail(`node_modules/${name} is ${meta.version}, tolk-check pins ${range}: run npm ci`)
  if (meta.scripts && ['preinstall', 'install', 'postinstall'].some((s) => s in meta.scripts)) fail(`${name} has an install script: tolk-check installs none`)
  cpSync(from, to, { recursive: true })
  for (const dep of Object.keys(meta.dependencies ?? {})) bundle(dep)
}

function isBuiltin(spec) {
  return spec.startsWith('node:') || builtinModules.includes(spec)
}

function packageName(spec) {
  const parts = spec.split('/')
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

function fail(message) {
  console.error(`build-check-package: ${message}`)
  process.exit(1)
}
