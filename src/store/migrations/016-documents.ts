/**
 * Schema 16: Markdown and HTML articles (issue 17). An article's `format` (`text`, `md`, `html`;
 * every article before this step is text) and, for a document, its `skeleton`: the source's own
 * bytes with a hole per unit, as JSON (see src/documents/types.ts). A unit's `codes`: what the
 * `⟦1⟧`/`⟦2/⟧` codes of its source stand for, as JSON (see src/codes/types.ts); NULL when it has none.
 *
 * Adding columns rewrites no row, so triggers and indexes stay as they are.
 */
export const sql = /* sql */ `
ALTER TABLE articles ADD COLUMN format TEXT NOT NULL DEFAULT 'text'
  CHECK (format IN ('text', 'md', 'html'));
ALTER TABLE articles ADD COLUMN skeleton TEXT;
ALTER TABLE units ADD COLUMN codes TEXT;
`
