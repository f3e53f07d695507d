/**
 * Schema 21: one signal for every change to who may do what. `auth_version` holds one counter,
 * bumped by triggers in the same transaction as the change: a grant given or taken, an account
 * changed (removed), a token changed (revoked), a session deleted (sign-out, a new password, a
 * removed account, `tolk user sign-out`). A new token, a new session and a session's sliding
 * expiry change no one's rights and leave it alone. Triggers, not code, so that every writer
 * bumps it: the server, a CLI verb, another process. Each process polls it cheaply (see
 * `authVersion` in src/store/sqlite/accounts.ts) to end open event streams and empty its token
 * cache; the PostgreSQL store sends the same signal with NOTIFY.
 */
export const sql = /* sql */ `
CREATE TABLE auth_version (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  version  INTEGER NOT NULL
) STRICT;
INSERT INTO auth_version (id, version) VALUES (1, 0);

CREATE TRIGGER auth_grant_added AFTER INSERT ON grants
BEGIN UPDATE auth_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER auth_grant_removed AFTER DELETE ON grants
BEGIN UPDATE auth_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER auth_account_changed AFTER UPDATE ON accounts
BEGIN UPDATE auth_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER auth_token_changed AFTER UPDATE ON tokens
BEGIN UPDATE auth_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER auth_session_ended AFTER DELETE ON sessions
BEGIN UPDATE auth_version SET version = version + 1 WHERE id = 1; END;
`
