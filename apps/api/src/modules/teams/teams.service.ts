import { MembershipStatus, type PageArgs, type Team as TeamType, type TeamConnection } from '@seatwise/schema';
import { connectionOf, decodeCursor, encodeCursor, pageSize } from '../../common/pagination.js';
import { inAccount, query, sql } from '../../common/sql.js';
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

/** A page of the account's teams by name (then id), each with how many active or invited people it has. */
export async function listTeams(ctx: AccountContext, page: PageArgs): Promise<TeamConnection> {
  const limit = pageSize(page.first);
  const rows = teamsQuery(ctx);
  if (page.after) {
    const cursor = decodeCursor(page.after);
    rows.andWhere((after) => {
      void after.where('t.name', '>', cursor.sortValue).orWhere((tie) => void tie.where('t.name', cursor.sortValue).andWhere('t.id', '>', cursor.id));
    });
  }
  const [found, counts] = await Promise.all([
    query<TeamRow>(ctx.em, rows.orderBy([{ column: 't.name' }, { column: 't.id' }]).limit(limit + 1)),
    query<{ total: number | string }>(ctx.em, sql`select count(*) as total from teams t where ${inAccount(ctx, 't')}`),
  ]);
  return connectionOf(found, { limit, after: page.after, totalCount: Number(counts[0]?.total ?? 0) }, (row) => encodeCursor(row.name, row.id), toTeam);
}

export async function getTeam(ctx: AccountContext, id: string): Promise<TeamType> {
  // Inside the context's transaction, so a mutation reads its own writes.
  const rows = await query<TeamRow>(ctx.em, teamsQuery(ctx).andWhere('t.id', id));
  if (!rows[0]) throw new NotFoundError('Team', 'id');
  return toTeam(rows[0]);
}
