import { Hono } from 'hono'
import { requestId } from 'hono/request-id'
import { NotFound } from '../model/errors.js'
import { checkId } from '../model/ids.js'
import type { Store } from '../store/types.js'
import { handleError, handleNotFound } from './errors.js'

/** What the app needs from its surroundings; only `src/server.ts` and `src/cli/` build these. */
export interface AppOptions {
  store: Store
}

/**
 * Build the Hono app on a store. Tests call this with a store on a temp-dir SQLite file and use
 * `app.request()`; `tolk serve` hands it to @hono/node-server.
 */
export function createApp({ store }: AppOptions): Hono {
  const app = new Hono()
  app.use(requestId())
  app.onError(handleError)
  app.notFound(handleNotFound)

  app.get('/healthz', (c) => c.json({ status: 'ok' }))

  app.get('/api/articles', async (c) => c.json({ articles: (await store.listArticles()).map(summary) }))

  app.get('/api/articles/:id', async (c) => {
    const id = checkId(c.req.param('id'), 'article id')
    const article = await store.getArticle(id)
    if (!article) throw new NotFound(`no article ${id}`, 'unknown-article')
    return c.json(article)
  })

  app.get('/api/articles/:id/units', async (c) => {
    const id = checkId(c.req.param('id'), 'article id')
    const units = await store.listUnits(id)
    return c.json({ article: id, units })
  })

  return app
}

function summary(a: { id: string; tag: string; lang: string; title: string; revision: number; targets: string[] }) {
  return { id: a.id, tag: a.tag, lang: a.lang, title: a.title, revision: a.revision, targets: a.targets }
}
