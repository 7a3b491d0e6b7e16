import type { SeatDistribution } from '@seatwise/schema';
import { requireId } from '../../common/ids.js';
import { fragment, inAccount, reportQuery, sql } from '../../common/sql.js';
import type { AccountContext } from '../../context.js';
import { accountToday } from '../accounts/account-day.js';
import { seatsFree, seatsUsedSql } from '../subscriptions/seat-rules.js';
import { runningSql } from '../subscriptions/subscription-rules.js';

interface DistributionRow {
  team_id: string | null;
  team_name: string | null;
  product_id: string;
  product_code: string;
  product_name: string;
  purchased: number | string;
  assigned: number | string;
}

/**
 * Insights (F-30): per team and product, seats purchased on running subscriptions and how many are
 * assigned, summed in one statement.
 */
export async function seatDistribution(ctx: AccountContext, teamId?: string | null): Promise<SeatDistribution[]> {
  const { todayIso } = await accountToday(ctx);
  const teamCondition = teamId ? sql`and s.team_id = ${requireId(teamId, 'Team', 'teamId')}` : fragment('');
  const rows = await reportQuery<DistributionRow>(
    ctx.em,
    sql`select s.team_id, t.name as team_name, p.id as product_id, p.code as product_code, p.name as product_name,
       sum(s.seats) as purchased, sum(${fragment(seatsUsedSql('s'))}) as assigned
     from subscription_products sp
     join subscriptions s on s.account_id = sp.account_id and s.id = sp.subscription_id
     join products p on p.id = sp.product_id
     left join teams t on t.id = s.team_id
     where ${inAccount(ctx, 'sp')} and ${fragment(runningSql('s'), [todayIso])} ${teamCondition}
     group by s.team_id, t.name, p.id, p.code, p.name
     order by case when t.name is null then 1 else 0 end, t.name, p.name`,
  );
  return rows.map((row) => {
    const purchased = Number(row.purchased);
    const assigned = Number(row.assigned);
    return {
      team: row.team_id ? { id: row.team_id, name: row.team_name ?? '' } : null,
      product: { id: row.product_id, code: row.product_code, name: row.product_name },
      purchased,
      assigned,
      unassigned: seatsFree(purchased, assigned),
    };
  });
}
