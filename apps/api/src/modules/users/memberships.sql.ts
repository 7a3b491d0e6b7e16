import { fragment, inAccount, query, sql } from '../../common/sql.js';
import type { AccountContext } from '../../context.js';

/**
 * The memberships' rules for raw SQL in other modules (the Vendor console's customer list, its
 * primary-admin invitation): who holds an account's primary admin role, active or still invited.
 */
const PRIMARY_ADMIN = "pa.role = 'PRIMARY_ADMIN' and pa.status in ('ACTIVE', 'INVITED')";

/** The email of the primary admin of the account `accountIdColumn` names, as a scalar subquery (null when none). */
export const primaryAdminEmailSql = (accountIdColumn: string): string =>
  `(select pa.email from memberships pa where pa.account_id = ${accountIdColumn} and ${PRIMARY_ADMIN} order by pa.status limit 1)`;

/** The email of the context's account's primary admin, active or invited; null when it has none. */
export async function primaryAdminEmail(ctx: AccountContext): Promise<string | null> {
  const [row] = await query<{ email: string }>(
    ctx.em,
    sql`select pa.email from memberships pa where ${inAccount(ctx, 'pa')} and ${fragment(PRIMARY_ADMIN)} order by pa.status limit 1`,
  );
  return row?.email ?? null;
}
