/**
 * Schema 2: accounts, their grants, and API tokens (only a SHA-256 hash of each token is kept).
 * Revoking marks a token; like everything else here, nothing is deleted.
 */
export const sql = /* sql */ `
CREATE TABLE accounts (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL
) STRICT;

-- One row per role and language; lang is '' for roles that cover every language (admin, viewer).
CREATE TABLE grants (
  account_id  INTEGER NOT NULL REFERENCES accounts (id),
  role        TEXT NOT NULL CHECK (role IN ('admin', 'translator', 'reviewer', 'viewer')),
  lang        TEXT NOT NULL,
  PRIMARY KEY (account_id, role, lang)
) STRICT, WITHOUT ROWID;

CREATE TABLE tokens (
  id          INTEGER PRIMARY KEY,
  account_id  INTEGER NOT NULL REFERENCES accounts (id),
  hash        TEXT NOT NULL UNIQUE,          -- SHA-256 of the token, hex
  created_at  TEXT NOT NULL,
  expires_at  TEXT,
  revoked_at  TEXT
) STRICT;

CREATE TRIGGER accounts_no_delete BEFORE DELETE ON accounts
BEGIN SELECT RAISE (ABORT, 'accounts are never deleted'); END;
CREATE TRIGGER tokens_no_delete BEFORE DELETE ON tokens
BEGIN SELECT RAISE (ABORT, 'tokens are never deleted: revoke them'); END;
`
