/**
 * Schema 3: what the web editor needs: a password hash per account (scrypt, parameters inside the
 * string) and sign-in sessions (only a SHA-256 hash of each session id is kept, like tokens).
 */
export const sql = /* sql */ `
CREATE TABLE passwords (
  account_id  INTEGER PRIMARY KEY REFERENCES accounts (id),
  hash        TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

-- Sessions end by sign-out (deleted) or by expiry; they hold nothing worth keeping afterwards.
CREATE TABLE sessions (
  hash        TEXT PRIMARY KEY,             -- SHA-256 of the session id, hex
  account_id  INTEGER NOT NULL REFERENCES accounts (id),
  csrf        TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX sessions_by_expiry ON sessions (expires_at);
`
