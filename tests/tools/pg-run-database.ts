import pg from 'pg'
import { TEST_PG } from './registry.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The URL of this run's own PostgreSQL database; '' when no server answers. */
    tolkPgRun: string
  }
}

/**
 * Create this run's database on the server of TOLK_TEST_PG (a name no other run uses), and how to
 * drop it. Only the tests' own set-up creates databases: Tolk itself never does.
 */
export async function createRunDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `tolk_test_${Date.now().toString(36)}_${process.pid}`
  const admin = new pg.Client({ connectionString: TEST_PG })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(TEST_PG)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: TEST_PG })
      await c.connect()
      try {
        // FORCE: a server a test left running (or killed with -9) may still hold a connection.
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      } finally {
        await c.end()
      }
    },
  }
}
