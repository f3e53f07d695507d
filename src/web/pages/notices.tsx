import { CSRF_FIELD } from '../csrf.js'

/** Why a form was refused, read out as soon as the page shows it; nothing when there is no message. */
export function FormError({ message }: { message?: string | undefined }) {
  if (!message) return null
  return (
    <p class="form-error" role="alert">
      {message}
    </p>
  )
}

/** What the last action did ("imported", "archived"); nothing when there is no message. */
export function Done({ message }: { message?: string | undefined }) {
  if (!message) return null
  return (
    <p class="done" role="status">
      {message}
    </p>
  )
}

/** The head row of a plain list table; `action` names a last column of buttons (read, not shown). */
export function ListHead({ columns, action }: { columns: string[]; action?: string }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th scope="col">{c}</th>
        ))}
        {action && (
          <th scope="col">
            <span class="sr-only">{action}</span>
          </th>
        )}
      </tr>
    </thead>
  )
}

/** A one-button form that posts to `action` with the CSRF token (archive, restore, revoke). */
export function PostButton(props: { csrf: string; action: string; label: string; ariaLabel?: string }) {
  return (
    <form method="post" action={props.action}>
      <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
      <button type="submit" aria-label={props.ariaLabel}>
        {props.label}
      </button>
    </form>
  )
}
