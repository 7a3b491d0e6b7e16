import type { EntityManager } from '@mikro-orm/knex';
import { run } from './sql.js';

/** Rows one delete statement removes at most, so a first clean-up of years of rows never holds one long lock. */
export const RETENTION_BATCH = 5000;

/** The instant `days` days before `now`. */
export const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/**
 * Runs `statement` (a delete of at most RETENTION_BATCH rows) until it removes fewer; answers how
 * many went in all. Each batch commits by itself: an interrupted clean-up has still done its part.
 */
export async function deleteInBatches(em: EntityManager, statement: string, params: readonly unknown[]): Promise<number> {
  let total = 0;
  for (;;) {
    const removed = await run(em, statement, params);
    total += removed;
    if (removed < RETENTION_BATCH) return total;
  }
}
