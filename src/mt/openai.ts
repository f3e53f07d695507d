/**
 * An OpenAI-compatible chat-completions endpoint (https://platform.openai.com/docs/api-reference/
 * chat/create; also llama.cpp's server, vLLM, Ollama's /v1): `POST {url}/chat/completions` with
 * `{model, messages, temperature: 0}`, the key as `Authorization: Bearer …`, the text in
 * `choices[0].message.content`. The configured URL is the API base (`…/v1`); the model comes
 * from `TOLK_MT_<NAME>_MODEL`. Codes go as the `⟦1⟧` markers, and the prompt says to keep them;
 * a reply that does not is repaired by the runner.
 */
import { expect, fetchJson, join } from './http.js'
import type { EngineAdapter, EngineConfig } from './types.js'

/** The system prompt for one pair: translate only, keep every marker. */
export function systemPrompt(from: string, to: string): string {
  return (
    `You translate text from the language tagged ${from} into the language tagged ${to}. ` +
    'The text may hold markers such as ⟦1⟧ and ⟦/1⟧ around words, or ⟦2/⟧ alone: keep every marker ' +
    'exactly as written, around the translation of the words it marks. ' +
    'Answer with the translation only: no quotes, no notes.'
  )
}

/** The chat-completions adapter for one configured engine. */
export function openaiAdapter(config: EngineConfig & { model?: string }): EngineAdapter {
  return {
    kind: 'openai',
    codes: 'placeholders',
    groupSize: 1,
    // A language model serves any pair it was trained on; it cannot list them.
    async pairs() {
      return [{ from: '*', to: '*' }]
    },
    async translate({ from, to, texts, signal }) {
      return Promise.all(
        texts.map(async (text) => {
          const body = JSON.stringify({
            model: config.model ?? 'gpt-4o-mini',
            temperature: 0,
            messages: [
              { role: 'system', content: systemPrompt(from, to) },
              { role: 'user', content: text },
            ],
          })
          const headers: Record<string, string> = { 'content-type': 'application/json' }
          if (config.key) headers.authorization = `Bearer ${config.key}`
          const j = (await fetchJson(join(config.url, '/chat/completions'), { method: 'POST', headers, body }, signal, config.key)) as {
            choices?: { message?: { content?: unknown } }[]
          }
          const content = j.choices?.[0]?.message?.content
          expect(typeof content === 'string', 'no choices[0].message.content')
          return content.trim()
        }),
      )
    },
  }
}
