/**
 * Schema 12: what hardening the sign-in needs.
 *
 * - `sign_in_attempts`: one row per key (`account:NAME`, `address:IP`) of each sign-in attempt
 *   in flight or failed, reserved before the password is checked, so concurrent attempts cannot
 *   all pass the limit, and every server on the database shares it. A success deletes its rows;
 *   rows older than the window are swept as new attempts come.
 * - `accounts.disabled_at`: a removed account is disabled, not deleted (accounts never are): its
 *   name stays in history and comments and cannot be taken again; it cannot sign in, and its
 *   tokens are revoked and its sessions ended when it is removed.
 *
 * Sessions already carry `created_at`, from which their absolute lifetime is counted.
 */
export const sql = /* sql */ `
ALTER TABLE accounts ADD COLUMN disabled_at TEXT;

CREATE TABLE sign_in_attempts (
  attempt  INTEGER NOT NULL,   -- one attempt: the same number on each of its keys
  key      TEXT NOT NULL,
  at       TEXT NOT NULL,      -- ISO 8601, when it was reserved
  PRIMARY KEY (key, attempt)
) STRICT, WITHOUT ROWID;
CREATE INDEX sign_in_attempts_by_time ON sign_in_attempts (at);
CREATE INDEX sign_in_attempts_by_attempt ON sign_in_attempts (attempt);
`
