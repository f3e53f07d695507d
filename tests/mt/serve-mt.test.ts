/** `tolk serve --mt` refuses bad configuration in one line, exit 2, before opening anything. */
import { describe, expect, it } from 'vitest'
import { runCli } from '../cli/run-cli.js'

describe('tolk serve --mt', () => {
  it.each([
    ['apertium', /takes NAME=URL/],
    ['bing=https://x', /unknown engine kind "bing"/],
  ])('refuses --mt %s in one line with exit 2', (mt, why) => {
    const r = runCli(['serve', '--port', '0', '--db', ':memory:', '--mt', mt])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(why)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
  })
})
