#!/usr/bin/env node
// The `tolk` command. Runs the compiled CLI from dist/ (built by `npm install` via `prepare`).
import { main } from '../dist/cli/main.js'

process.exitCode = await main(process.argv.slice(2))
