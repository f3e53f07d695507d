import { TolkError } from '../../model/errors.js'
import { parseLanguage, parseTag } from '../../model/tags.js'
import { ARTICLE_SORTS, type ArticleSort } from '../../store/types.js'

/** The dashboard's form, as the query string carries it (it works without the script). */
export interface DashboardForm {
  search: string
  tag: string
  lang: string
  sort: ArticleSort
  /** "My languages first". */
  mine: boolean
  /** The cursor of this page; empty on the first. */
  after: string
}

/** Which field of the form was refused, for a message on the page. */
export type DashboardFault = 'tag' | 'lang' | 'sort' | 'search'

const MAX_SEARCH = 200

/**
 * Read the dashboard's query string: the form as typed (to show it again) and, when a field is
 * refused, which one. An empty field is no filter.
 */
export function readDashboardForm(get: (name: string) => string | undefined): { form: DashboardForm; fault?: DashboardFault } {
  const s = (name: string) => (get(name) ?? '').trim()
  const sortText = s('sort')
  const form: DashboardForm = {
    search: s('q'),
    tag: s('tag'),
    lang: s('lang'),
    sort: ARTICLE_SORTS.find((x) => x === sortText) ?? 'name',
    mine: get('mine') === '1',
    after: s('after'),
  }
  if (sortText !== '' && sortText !== form.sort) return { form, fault: 'sort' }
  if (form.search.length > MAX_SEARCH) return { form, fault: 'search' }
  try {
    if (form.tag) form.tag = parseTag(form.tag).tag
  } catch (err) {
    if (err instanceof TolkError) return { form, fault: 'tag' }
    throw err
  }
  try {
    if (form.lang) form.lang = parseLanguage(form.lang)
  } catch (err) {
    if (err instanceof TolkError) return { form, fault: 'lang' }
    throw err
  }
  return { form }
}

/** The query string of a form, for links (next page, first page); empty fields left out. */
export function dashboardHref(form: DashboardForm, after = ''): string {
  const q = new URLSearchParams()
  if (form.search) q.set('q', form.search)
  if (form.tag) q.set('tag', form.tag)
  if (form.lang) q.set('lang', form.lang)
  if (form.sort !== 'name') q.set('sort', form.sort)
  if (form.mine) q.set('mine', '1')
  if (after) q.set('after', after)
  const text = q.toString()
  return text ? `/?${text}` : '/'
}
