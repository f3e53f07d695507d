import { InvalidInput } from '../model/errors.js'
import { printable } from '../model/tags.js'
import { requireSummary } from '../store/require-article.js'
import type { Store } from '../store/types.js'
import { type ActivityPage, type ActivityQuery, activityPage } from './activity.js'
import type { ActivitySource } from './activity-types.js'

/**
 * The feed's sources, in the order their kinds sort among items of one instant. A new kind is one
 * more entry here.
 */
export function activitySources(store: Store): Array<readonly [string, ActivitySource]> {
  return [
    ['import', store.activity.imports],
    ['save', store.activity.saves],
    ['review', store.activity.reviews],
    ['rejection', store.activity.rejections],
    ['assignment', store.activity.assignments],
    ['comment', store.activity.comments],
  ]
}

/** One page of an article's feed; NotFound for an unknown article, Archived (404) for an archived one, InvalidInput for an unknown kind. */
export async function articleActivity(store: Store, q: ActivityQuery): Promise<ActivityPage> {
  await requireSummary(store, q.article)
  const sources = activitySources(store)
  const known = sources.map(([kind]) => kind)
  const unknown = q.kinds?.find((k) => !known.includes(k))
  if (unknown !== undefined) throw new InvalidInput(`kind "${printable(unknown.slice(0, 40))}" is not one of ${known.join(', ')}`, 'invalid-kind')
  return activityPage(sources, q)
}
