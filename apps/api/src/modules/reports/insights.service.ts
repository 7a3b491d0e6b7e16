import type { SeatDistribution } from '@seatwise/schema';
import { requireId } from '../../common/ids.js';
import { query } from '../../common/sql.js';
import type { AccountContext } from '../../context.js';
import { accountDay, isoOfDay } from './report-days.js';

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
 * assigned, summed in one statement (assignments counted per subscription first).
 */
export async function seatDistribution(ctx: AccountContext, teamId?: string | null): Promise<SeatDistribution[]> {
  const accountId = ctx.viewer.accountId;
  const { today } = await accountDay(ctx.em, accountId, ctx.config.now());
  const params: unknown[] = [accountId, accountId, isoOfDay(today)];
  let teamCondition = '';
  if (teamId) {
    teamCondition = 'and s.team_id = ?';
    params.push(requireId(teamId, 'Team', 'teamId'));
  }
  const rows = await query<DistributionRow>(
    ctx.em,
    `select s.team_id, t.name as team_name, p.id as product_id, p.code as product_code, p.name as product_name,
       sum(s.seats) as purchased, sum(coalesce(a.assigned, 0)) as assigned
     from subscription_products sp
     join subscriptions s on s.id = sp.subscription_id
     join products p on p.id = sp.product_id
     left join teams t on t.id = s.team_id
     left join (select subscription_id, count(*) as assigned from seat_assignments where account_id = ? group by subscription_id) a
       on a.subscription_id = s.id
     where sp.account_id = ? and s.state = 'ACTIVE' and s.ends_on >= ? ${teamCondition}
     group by s.team_id, t.name, p.id, p.code, p.name
     order by case when t.name is null then 1 else 0 end, t.name, p.name`,
    params,
  );
  return rows.map((row) => {
    const purchased = Number(row.purchased);
    const assigned = Number(row.assigned);
    return {
      team: row.team_id ? { id: row.team_id, name: row.team_name ?? '' } : null,
      product: { id: row.product_id, code: row.product_code, name: row.product_name },
      purchased,
      assigned,
      unassigned: Math.max(purchased - assigned, 0),
    };
  });
}
