/**
 * Tests that need an outside tool (./registry.ts). Where the tool is here, they are plain `it` and
 * `describe`. Where it is missing they are skipped, decided at collection, and carry the tool's
 * name for the list printed at the end of the run; under REQUIRE_TOOLS=1 (or REQUIRE_BROWSER=1
 * for Chromium) they run and fail instead, saying how to install the tool.
 */
import { beforeEach, describe, inject, it } from 'vitest'
import { required, TOOLS, type ToolName } from './registry.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Which outside tools are here, found once by the global setup. */
    tolkTools: Record<ToolName, boolean>
  }
  interface TaskMeta {
    /** The outside tools a test needs and that are missing: read by the skipped-tools reporter. */
    missingTools?: ToolName[]
  }
}

type Body = () => void | Promise<void>

/** The missing ones among `tools`, and whether their absence must fail the tests. */
function missingOf(tools: ToolName[]): { missing: ToolName[]; fail: boolean } {
  const here = inject('tolkTools')
  if (!here) throw new Error('no outside tools were looked for: run with vitest.config.ts (its globalSetup)')
  const missing = tools.filter((t) => !here[t])
  return { missing, fail: missing.some((t) => required(t)) }
}

/** The error a test fails with when a required tool is missing. */
export function missingError(missing: ToolName[]): Error {
  const how = missing.map((t) => `${TOOLS[t].what} (${TOOLS[t].install})`).join(', ')
  // Only a required tool fails a test: without REQUIRE_TOOLS=1, that is Chromium's REQUIRE_BROWSER=1.
  const by = process.env.REQUIRE_TOOLS === '1' ? 'REQUIRE_TOOLS=1' : 'REQUIRE_BROWSER=1'
  return new Error(`${by} but missing ${how}`)
}

/** The options a test or describe takes here; the body comes last, as in vitest. */
interface Options {
  timeout?: number
}

/** `it(name, [options], fn)`, when every named tool is here; skipped (or failing) otherwise. */
export function itWith(tools: ToolName[], name: string, ...rest: [Body] | [Options, Body]): void {
  const [options, fn] = rest.length === 1 ? [{}, rest[0]] : rest
  const { missing, fail } = missingOf(tools)
  if (missing.length === 0) return void it(name, options, fn)
  const meta = { missingTools: missing }
  if (fail)
    return void it(name, { ...options, meta }, () => {
      throw missingError(missing)
    })
  it(name, { ...options, skip: true, meta }, fn)
}

/** `describe(name, [options], fn)`, when every named tool is here; skipped (or failing) otherwise. */
export function describeWith(
  tools: ToolName[],
  name: string,
  ...rest: [() => void] | [Options, () => void]
): void {
  const [options, fn] = rest.length === 1 ? [{}, rest[0]] : rest
  const { missing, fail } = missingOf(tools)
  if (missing.length === 0) return void describe(name, options, fn)
  const meta = { missingTools: missing }
  if (fail)
    return void describe(name, { ...options, meta }, () => {
      // Each test fails with the reason (a failing beforeAll would show them as skipped). The
      // suite's own beforeAll hooks still run first; one that needs the tool fails on its own.
      beforeEach(() => {
        throw missingError(missing)
      })
      fn()
    })
  describe(name, { ...options, skip: true, meta }, fn)
}
