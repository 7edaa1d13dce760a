import type pg from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Runs one of the hot path's statements (the outbox write, the claims, the attempt records, the
 * projects' versions) as a named prepared statement on TypeORM's own pg pool: each connection
 * parses and plans it once, then only binds and executes it. PostgreSQL plans these CTEs for
 * about as long as it runs them, so this halves its work per statement. Answers the rows.
 */
export async function preparedQuery<Row>(dataSource: DataSource, name: string, text: string, values: unknown[]): Promise<Row[]> {
  const pool = (dataSource.driver as unknown as { master: pg.Pool }).master;
  const result = await pool.query<Row & pg.QueryResultRow>({ name, text, values });
  return result.rows;
}
