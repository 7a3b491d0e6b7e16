import type { EntityManager } from '@mikro-orm/knex';
import { query } from '../../common/sql.js';

/** What a person is shown of the account they work in (the viewer's `account`). */
export interface AccountShown {
  id: string;
  name: string;
  timeZone: string;
}

/** The account's id, name and time zone in one small statement, no entity loaded. */
export async function accountShown(em: EntityManager, accountId: string): Promise<AccountShown | null> {
  const [row] = await query<{ id: string; name: string; time_zone: string }>(em, 'select id, name, time_zone from accounts where id = ?', [accountId]);
  return row ? { id: row.id, name: row.name, timeZone: row.time_zone } : null;
}
