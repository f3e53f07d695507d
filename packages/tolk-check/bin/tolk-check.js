#!/usr/bin/env node
// The `tolk-check` command: Tolk's `tolk check` without the workbench (scripts/build-check-package.mjs).
import { main } from '../dist/cli/check-main.js'

process.exitCode = await main(process.argv.slice(2))
