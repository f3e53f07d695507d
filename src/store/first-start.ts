import type { StoreLocation } from './locate.js'

/** The advisory lock of a server's first-start work ("tolk" + 1, beside the migration lock). */
export const FIRST_START_LOCK = 0x746f6c6c

/**
 * Run a server's first-start work (seeds, the first admin) so that servers starting together on
 * one PostgreSQL database do it once: under an advisory lock held on a connection of its own, so
 * the second server waits and then finds it done. A SQLite file needs no lock: its imports and
 * account writes are serialised by the file's own write lock.
 */
export async function firstStartOnce<T>(where: StoreLocation, work: () => Promise<T>): Promise<T> {
  if (where.kind === 'sqlite') return work()
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: where.url })
  await client.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [FIRST_START_LOCK])
    return await work()
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [FIRST_START_LOCK]).catch(() => {})
    await client.end().catch(() => {})
  }
}
