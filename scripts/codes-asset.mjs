#!/usr/bin/env node
// Writes src/web/assets/codes.js, the editor's copy of src/codes/insertable.ts (how chips are
// inserted and deleted), as a plain browser script that sets `TolkCodes`: the page's script has
// no build step, and this keeps one source for the logic. Run it as `npm run assets:codes` after
// changing insertable.ts; tests/web/codes-asset.test.ts fails while the two disagree.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

export const SOURCE = fileURLToPath(new URL('../src/codes/insertable.ts', import.meta.url))
export const TARGET = fileURLToPath(new URL('../src/web/assets/codes.js', import.meta.url))

/** The browser script made from insertable.ts: its functions, as properties of `TolkCodes`. */
export function codesAsset(source = readFileSync(SOURCE, 'utf8')) {
  const js = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ESNext, removeComments: false },
  }).outputText
  const names = [...js.matchAll(/^export function (\w+)/gm)].map((m) => m[1])
  if (/^\s*(import|export (?!function))/m.test(js)) {
    throw new Error('insertable.ts must export functions only and import no value: the browser runs it as it is')
  }
  const body = js.replace(/^export function /gm, 'function ').replace(/^export \{\};?\s*$/gm, '').trim()
  return `// Generated from src/codes/insertable.ts by \`npm run assets:codes\`: do not edit.
'use strict'
// eslint-disable-next-line no-unused-vars
var TolkCodes = (() => {
${body.replace(/^/gm, '  ').replace(/^ +$/gm, '')}
  return { ${names.join(', ')} }
})()
`
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(TARGET, codesAsset())
  console.log('written: src/web/assets/codes.js')
}
