import { describe, expect, it } from 'vitest'
import { runCli } from '../cli/run-cli.js'
import type { CheckJson } from './tree.js'

// One tree with the layouts of real i18next projects together (issue 22): folders named en_US and
// pt_BR, a folder that names no language (zhtw), namespaces in subfolders (admin/users), arrays,
// x_other keys that are plain keys, flat keys where the source nests and nested where it is flat,
// a plain key for a plural group (zh, de), formatters, Trans-component tags, files with a BOM.
// pt-BR and zh are complete and must pass; de holds one of each real problem.
const DIR = 'tests/check/fixtures/real-tree/locales'

describe('tolk check on a tree with every real-world layout', () => {
  it('finds exactly the problems planted, and no false failure', () => {
    const r = runCli(['check', '--locales', DIR, '--source', 'en-US', '--format', 'json'])
    expect(r.stderr).toBe(`tolk check: warning: ${DIR}/zhtw: the folder name "zhtw" is not a BCP 47 language tag; skipped (name it en, sv, pt-BR, … or map it: --map zhtw=zh-TW)\n`)
    expect(r.status).toBe(1)
    const json = JSON.parse(r.stdout) as CheckJson & { languages: Record<string, { formatters: number; tags: number; failed: string[] }> }
    expect(json.checked).toEqual({ files: 8, languages: 3, strings: 61 })
    expect(json.languages['pt-BR']).toMatchObject({ coverage: 1, passed: true, extra: 0 })
    expect(json.languages.zh).toMatchObject({ coverage: 1, passed: true, extra: 0 })
    expect(json.languages.de).toMatchObject({ passed: false, missing: 2, plurals: 2, formatters: 1, tags: 1, extra: 0, failed: ['coverage', 'formatters', 'tags'] })
    expect(json.problems.map((p) => `${p.lang} ${p.kind} ${p.file?.slice(DIR.length + 1)}:${p.line} ${p.key}`)).toEqual([
      'de formatter de/common.json:13 speed',
      'de tags de/common.json:14 terms',
      'de missing en_US/admin/users.json:4 list.empty',
      'de missing en_US/common.json:16 steps.2',
      'de plural de/common.json:11 invite.desc',
    ])
  })
})
