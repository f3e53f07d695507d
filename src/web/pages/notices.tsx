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
