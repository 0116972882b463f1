import pg from 'pg';
import type { Dialect } from '../../src/store/database.js';

export const postgresAdminUrl =
  process.env['PALPATE_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
export const underCi = process.env['CI'] === 'true';

/** Whether the real PostgreSQL server answers; checked once per test process. */
export async function postgresUnavailableReason(): Promise<string | null> {
  const client = new pg.Client({
    connectionString: postgresAdminUrl,
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return `PostgreSQL is not reachable at ${postgresAdminUrl}: ${(error as Error).message}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const postgresReason = await postgresUnavailableReason();

/**
 * The engines a suite runs against, each with a skip reason when it cannot run here. Under
 * CI=true nothing is skipped: a missing PostgreSQL makes the suite fail instead.
 */
export const dialects: Array<{ dialect: Dialect; skip: string | false }> = [
  { dialect: 'sqlite', skip: false },
  { dialect: 'postgresql', skip: postgresReason && !underCi ? postgresReason : false },
];
