/**
 * Ends the run with one list: each outside tool that was missing, the tests skipped (or failed,
 * under REQUIRE_TOOLS=1) for want of it, and the command that installs it. Silent when every test
 * that needs a tool ran. Listed after vitest's own summary in vitest.config.ts.
 */
import type { Reporter, TestCase, TestModule } from 'vitest/node'
import { required, TOOLS, type ToolName } from './registry.js'
import './need.js'

/** The missing tools a test is marked with, on itself or on a describe around it. */
function missingTools(test: TestCase): ToolName[] {
  for (let t: TestCase | TestCase['parent'] = test; t.type !== 'module'; t = t.parent) {
    const tools = t.meta().missingTools
    if (tools) return tools
  }
  return []
}

/** The text of the list, or '' when no test was skipped or failed for want of a tool. */
export function skippedList(modules: ReadonlyArray<TestModule>, root: string): string {
  const byTool = new Map<ToolName, { skipped: string[]; failed: string[] }>()
  for (const module of modules) {
    for (const test of module.children.allTests()) {
      const state = test.result().state
      if (state !== 'skipped' && state !== 'failed') continue
      for (const tool of missingTools(test)) {
        const entry = byTool.get(tool) ?? { skipped: [], failed: [] }
        const file = module.moduleId.startsWith(root) ? module.moduleId.slice(root.length + 1) : module.moduleId
        // A required tool's tests failed, whatever hook or test said so first.
        entry[required(tool) ? 'failed' : 'skipped'].push(`${file} > ${test.fullName}`)
        byTool.set(tool, entry)
      }
    }
  }
  if (byTool.size === 0) return ''
  const lines: string[] = []
  let skipped = 0
  for (const [tool, { skipped: s, failed: f }] of byTool) {
    skipped += s.length
    const counts = [s.length && `${s.length} skipped`, f.length && `${f.length} failed`].filter(Boolean)
    lines.push(`  ${TOOLS[tool].what}: ${counts.join(', ')}`, `    install: ${TOOLS[tool].install}`)
    for (const name of [...f, ...s]) lines.push(`    - ${name}`)
  }
  const head =
    skipped > 0
      ? `Outside tools missing: ${skipped} tests skipped (install the tool and run again; REQUIRE_TOOLS=1 fails them instead)`
      : 'Outside tools missing: their tests failed (REQUIRE_TOOLS=1 or REQUIRE_BROWSER=1)'
  return [head, ...lines].join('\n')
}

/** The vitest reporter that prints the list. */
export default class SkippedToolsReporter implements Reporter {
  private root = process.cwd()

  onInit(vitest: { config: { root: string } }): void {
    this.root = vitest.config.root
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const text = skippedList(modules, this.root)
    if (text) process.stdout.write(`\n${text}\n\n`)
  }
}
