import { MembershipStatus, type Team as TeamType } from '@seatwise/schema';
import { query } from '../../common/sql.js';
import type { AccountContext } from '../../context.js';
import { NotFoundError } from '../../errors.js';

interface TeamRow {
  id: string;
  name: string;
  member_count: number | string;
}

function teamsQuery(ctx: AccountContext) {
  const knex = ctx.em.getKnex();
  return knex('teams as t')
    .leftJoin('memberships as m', function () {
      this.on('m.account_id', 't.account_id')
        .andOn('m.team_id', 't.id')
        .andOnIn('m.status', [MembershipStatus.ACTIVE, MembershipStatus.INVITED]);
    })
    .where('t.account_id', ctx.viewer.accountId)
    .groupBy('t.id', 't.name')
    .select('t.id', 't.name', knex.raw('count(m.id) as member_count'));
}

const toTeam = (row: TeamRow): TeamType => ({ id: row.id, name: row.name, memberCount: Number(row.member_count) });

/** The account's teams by name, each with how many active or invited people it has. */
export async function listTeams(ctx: AccountContext): Promise<TeamType[]> {
  const rows = await query<TeamRow>(ctx.em, teamsQuery(ctx).orderBy('t.name'));
  return rows.map(toTeam);
}

export async function getTeam(ctx: AccountContext, id: string): Promise<TeamType> {
  // Inside the context's transaction, so a mutation reads its own writes.
  const rows = await query<TeamRow>(ctx.em, teamsQuery(ctx).andWhere('t.id', id));
  if (!rows[0]) throw new NotFoundError('Team', 'id');
  return toTeam(rows[0]);
}
