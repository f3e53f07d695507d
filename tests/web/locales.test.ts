import { describe, expect, it } from 'vitest'
import { createWebI18n, readLocale, UI_LANGUAGES } from '../../src/web/i18n.js'

/** Every leaf key of a resource tree, dotted; plural suffixes folded into their base key. */
function keys(tree: Record<string, unknown>, prefix = ''): Set<string> {
  const out = new Set<string>()
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix + k
    if (v !== null && typeof v === 'object')
      for (const sub of keys(v as Record<string, unknown>, `${key}.`)) out.add(sub)
    else out.add(key.replace(/_(zero|one|two|few|many|other)$/, ''))
  }
  return out
}

describe('interface strings', () => {
  const en = keys(readLocale('en'))

  for (const lang of UI_LANGUAGES.filter((l) => l !== 'en')) {
    it(`has every key of en in ${lang}`, () => {
      const other = keys(readLocale(lang))
      expect([...en].filter((k) => !other.has(k))).toEqual([])
      expect([...other].filter((k) => !en.has(k))).toEqual([])
    })
  }

  it('keeps one instance per app, never the global one', () => {
    const a = createWebI18n()
    const b = createWebI18n()
    expect(a).not.toBe(b)
    void a.changeLanguage('sv')
    expect(b.language).toBe('en')
  })

  it('pluralises per language', () => {
    const i18n = createWebI18n()
    expect(i18n.getFixedT('en')('editor.segmentsLeft', { count: 1 })).toBe('1 segment left')
    expect(i18n.getFixedT('en')('editor.segmentsLeft', { count: 3 })).toBe('3 segments left')
    expect(i18n.getFixedT('sv')('editor.segmentsLeft', { count: 3 })).toBe('3 segment kvar')
  })

  it('types its keys, so a misspelt one fails tsc', () => {
    const t = createWebI18n().getFixedT('en')
    expect(t('nav.signOut')).toBe('Sign out')
    // @ts-expect-error: no such key; tsc would fail without the directive.
    t('nav.signOutt')
  })
})
