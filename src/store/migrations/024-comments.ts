/**
 * Schema 24: comments, queries and notifications (issue #20).
 *
 * - `comments`: a thread per unit; a comment is for one target language or, with `lang` NULL,
 *   for the source. A reply names its thread's first comment (`parent_id`). Nothing is deleted:
 *   a deletion sets `deleted_by/at`, and every text a comment had stays in `comment_history`.
 * - `comment_events`: one row per change of a comment, appended; the editor's live stream reads
 *   it from a cursor as it reads the translation history.
 * - `notifications`: one row per account and event (mention, answered, rejected, assigned, stale),
 *   kept after being read so a deployment can mail them.
 */
export const sql = /* sql */ `
CREATE TABLE comments (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id   TEXT NOT NULL,
  unit_id      TEXT NOT NULL,
  lang         TEXT,
  kind         TEXT NOT NULL CHECK (kind IN ('comment', 'query')),
  parent_id    INTEGER REFERENCES comments (id),
  author       TEXT NOT NULL,
  text         TEXT NOT NULL CHECK (length(text) <= 10000),
  mentions     TEXT NOT NULL DEFAULT '[]',
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  version      INTEGER NOT NULL DEFAULT 1,
  edited       INTEGER NOT NULL DEFAULT 0 CHECK (edited IN (0, 1)),
  deleted_by   TEXT,
  deleted_at   TEXT,
  answered_at  TEXT,
  resolved_by  TEXT,
  resolved_at  TEXT,
  FOREIGN KEY (article_id, unit_id) REFERENCES units (article_id, id)
);
CREATE INDEX comments_by_unit ON comments (article_id, unit_id, id);
CREATE INDEX comments_by_parent ON comments (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX comments_open_queries ON comments (article_id, lang, unit_id)
  WHERE kind = 'query' AND parent_id IS NULL AND resolved_at IS NULL AND deleted_at IS NULL;

CREATE TABLE comment_history (
  comment_id  INTEGER NOT NULL REFERENCES comments (id),
  version     INTEGER NOT NULL,
  action      TEXT NOT NULL CHECK (action IN ('added', 'edited', 'deleted', 'resolved')),
  text        TEXT NOT NULL,
  by          TEXT NOT NULL,
  at          TEXT NOT NULL,
  PRIMARY KEY (comment_id, version)
) WITHOUT ROWID;
CREATE TRIGGER comment_history_no_update BEFORE UPDATE ON comment_history
BEGIN SELECT RAISE(ABORT, 'comment history is append-only'); END;
CREATE TRIGGER comment_history_no_delete BEFORE DELETE ON comment_history
BEGIN SELECT RAISE(ABORT, 'comment history is append-only'); END;
CREATE TRIGGER comments_no_delete BEFORE DELETE ON comments
BEGIN SELECT RAISE(ABORT, 'comments are never deleted: mark them deleted'); END;

CREATE TABLE comment_events (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id  TEXT NOT NULL,
  unit_id     TEXT NOT NULL,
  lang        TEXT,
  comment_id  INTEGER NOT NULL
);
CREATE INDEX comment_events_by_article ON comment_events (article_id, id);

CREATE TABLE notifications (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  account       TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('mention', 'answered', 'rejected', 'assigned', 'stale')),
  article_id    TEXT NOT NULL,
  lang          TEXT,
  unit_id       TEXT,
  from_account  TEXT,
  reason        TEXT,
  comment_id    INTEGER,
  at            TEXT NOT NULL,
  read_at       TEXT
);
CREATE INDEX notifications_by_account ON notifications (account, id);
CREATE INDEX notifications_unread ON notifications (account) WHERE read_at IS NULL;
`
