/** Fresh folders of i18next trees for the locale tests (no hooks here: the test file removes `root`). */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export function localeTrees(prefix: string) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  let n = 0
  const fresh = () => path.join(root, `case-${++n}`)
  /** Write files under a fresh folder: relative path → text. */
  const writeTree = (files: Record<string, string>): string => {
    const dir = fresh()
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
      fs.writeFileSync(path.join(dir, rel), text)
    }
    return dir
  }
  return { root, fresh, writeTree }
}
