import type { T } from '../i18n.js'
import { keyRows } from './key-map.js'

/**
 * The key map as a disclosure in the header: it opens without the script (it is a `<details>`),
 * and the script opens and closes it with `?` and Esc, as an overlay over the grid.
 */
export function KeyHelp({ t, canWrite }: { t: T; canWrite: boolean }) {
  return (
    <details class="keys menu" id="keys">
      <summary aria-keyshortcuts="?">
        <span aria-hidden="true">? </span>
        <span class="label">{t('keys.title')}</span>
      </summary>
      {/* Focusable: on a short window the list scrolls, and keyboard users must be able to scroll it. */}
      <div class="menu-panel" tabindex={0} role="region" aria-label={t('keys.title')}>
        <table>
          <caption class="sr-only">{t('keys.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('keys.key')}</th>
              <th scope="col">{t('keys.does')}</th>
            </tr>
          </thead>
          <tbody>
            {keyRows(canWrite).map((k) => (
              <tr class={k.coming ? 'coming' : undefined}>
                <th scope="row">
                  <kbd>{k.keys}</kbd>
                </th>
                <td>
                  {t(k.does)}
                  {k.coming && <em class="coming"> ({t('keys.coming')})</em>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="changed">{t('keys.changed')}</p>
      </div>
    </details>
  )
}
