import type { Client } from '../_setup.js'

/** Post a multipart form (a file upload) as a signed-in client: its cookies and CSRF token. */
export async function postMultipart(
  app: { request: (url: string, init: RequestInit) => Response | Promise<Response> },
  client: Client,
  url: string,
  fields: Record<string, string | File>,
): Promise<Response> {
  const form = new FormData()
  form.set('_csrf', client.csrf())
  for (const [k, v] of Object.entries(fields)) form.set(k, v)
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  return app.request(url, { method: 'POST', body: form, headers: { Cookie: cookie } })
}
