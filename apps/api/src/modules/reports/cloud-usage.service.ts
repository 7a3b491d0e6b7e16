import type { CloudServicesUsage, CloudUsageByUser, DateRangeInput } from '@seatwise/schema';
import { inAccount, reportQuery, sql } from '../../common/sql.js';
import type { AccountContext } from '../../context.js';
import { InvalidInputError, msg } from '../../errors.js';
import { isoOfDay } from '../../common/days.js';
import { containsPattern } from '../../common/like.js';
import { parseRange } from './report-range.js';
import { bucketStarts } from './seat-usage.service.js';

type Numeric = number | string | null;
const num = (value: Numeric) => Number(value ?? 0);
const MAX_SEARCH_LENGTH = 100;

interface BalanceRow {
  id: string;
  name: string;
  serial_number: string;
  contract_id: string;
  contract_number: string;
  purchased: Numeric;
  consumed: Numeric;
  consumed_in_range: Numeric;
}

/**
 * Cloud Services Usage (F-32): the cloud-credit ledger summed per subscription, and consumption per
 * service and period over the chosen days (each entry carries its day in the account's zone).
 */
export async function cloudServicesUsage(ctx: AccountContext, input: DateRangeInput): Promise<CloudServicesUsage> {
  const range = parseRange(input);
  const [balances, services, trend] = await Promise.all([
    reportQuery<BalanceRow>(
      ctx.em,
      sql`select s.id, s.name, s.serial_number, c.id as contract_id, c.number as contract_number,
         coalesce(sum(case when e.kind <> 'CONSUMPTION' then e.amount else 0 end), 0) as purchased,
         coalesce(sum(case when e.kind = 'CONSUMPTION' then -e.amount else 0 end), 0) as consumed,
         coalesce(sum(case when e.kind = 'CONSUMPTION' and e.day between ${range.from} and ${range.to} then -e.amount else 0 end), 0) as consumed_in_range
       from subscriptions s
       join contracts c on c.id = s.contract_id
       left join cloud_credit_entries e on e.account_id = s.account_id and e.subscription_id = s.id
       where ${inAccount(ctx, 's')} and (s.licence_type = 'CLOUD' or e.id is not null)
       group by s.id, s.name, s.serial_number, c.id, c.number
       order by s.name`,
    ),
    reportQuery<{ service: string; credits: Numeric }>(
      ctx.em,
      sql`select coalesce(service, '') as service, -sum(amount) as credits from cloud_credit_entries
       where ${inAccount(ctx)} and kind = 'CONSUMPTION' and day between ${range.from} and ${range.to}
       group by coalesce(service, '') order by credits desc, service`,
    ),
    reportQuery<{ service: string; bucket: Numeric; credits: Numeric }>(
      ctx.em,
      sql`select coalesce(service, '') as service, (day - ${range.from}) / ${range.bucketDays} as bucket, -sum(amount) as credits from cloud_credit_entries
       where ${inAccount(ctx)} and kind = 'CONSUMPTION' and day between ${range.from} and ${range.to}
       group by 1, 2`,
    ),
  ]);
  const starts = bucketStarts(range);
  return {
    from: isoOfDay(range.from),
    to: isoOfDay(range.to),
    bucketDays: range.bucketDays,
    balances: balances.map((row) => {
      const purchased = num(row.purchased);
      const consumed = num(row.consumed);
      return {
        subscription: { id: row.id, name: row.name, serialNumber: row.serial_number },
        contract: { id: row.contract_id, number: row.contract_number },
        purchased,
        consumed,
        remaining: purchased - consumed,
        consumedInRange: num(row.consumed_in_range),
      };
    }),
    services: services.map((row) => {
      const points = starts.map((start) => ({ start, credits: 0 }));
      for (const point of trend) {
        if (point.service === row.service && points[num(point.bucket)]) points[num(point.bucket)]!.credits = num(point.credits);
      }
      return { service: row.service, credits: num(row.credits), trend: points };
    }),
  };
}

interface UserCreditsRow {
  user_id: string;
  first_name: string;
  last_name: string;
  email: string;
  service: string;
  credits: Numeric;
  last_day: Numeric;
}

/**
 * The person as the account sees them (their membership, `mb`). Only someone who deleted their
 * sign-in has credits here and no membership: their user row is anonymised ("Deleted user").
 */
const shown = {
  firstName: 'coalesce(mb.first_name, u.first_name)',
  lastName: 'coalesce(mb.last_name, u.last_name)',
  email: 'coalesce(mb.email, u.email)',
  sortName: 'coalesce(mb.sort_name, u.sort_name)',
};

/** Cloud Services Usage by user (F-33): credits per person and service over the chosen days, most first. */
export async function cloudServicesUsageByUser(
  ctx: AccountContext,
  input: DateRangeInput,
  search?: string | null,
): Promise<CloudUsageByUser[]> {
  const range = parseRange(input);
  const text = search?.trim() ?? '';
  if (text.length > MAX_SEARCH_LENGTH) throw new InvalidInputError('search', msg('Search text can be at most {max} characters.', { max: MAX_SEARCH_LENGTH }));
  const account = inAccount(ctx, 'e');
  const params: unknown[] = [...account.values, range.from, range.to];
  let searchSql = '';
  for (const word of text.toLowerCase().split(/\s+/).filter(Boolean)) {
    const pattern = containsPattern(word);
    searchSql += ` and (${shown.sortName} like ? escape '\\' or ${shown.email} like ? escape '\\')`;
    params.push(pattern, pattern);
  }
  const rows = await reportQuery<UserCreditsRow>(
    ctx.em,
    `select u.id as user_id, ${shown.firstName} as first_name, ${shown.lastName} as last_name, ${shown.email} as email,
       coalesce(e.service, '') as service, -sum(e.amount) as credits, max(e.day) as last_day
     from cloud_credit_entries e join users u on u.id = e.user_id
       left join memberships mb on mb.account_id = e.account_id and mb.user_id = e.user_id
     where ${account.text} and e.kind = 'CONSUMPTION' and e.day between ? and ? ${searchSql}
     group by u.id, ${shown.firstName}, ${shown.lastName}, ${shown.email}, coalesce(e.service, '')`,
    params,
  );
  const byUser = new Map<string, CloudUsageByUser & { lastDay: number }>();
  for (const row of rows) {
    let entry = byUser.get(row.user_id);
    if (!entry) {
      entry = {
        user: { id: row.user_id, name: `${row.first_name} ${row.last_name}`, email: row.email },
        credits: 0,
        services: [],
        lastUsedOn: null,
        lastDay: -1,
      };
      byUser.set(row.user_id, entry);
    }
    entry.credits += num(row.credits);
    entry.services.push({ service: row.service, credits: num(row.credits) });
    entry.lastDay = Math.max(entry.lastDay, num(row.last_day));
  }
  return [...byUser.values()]
    .map(({ lastDay, ...entry }) => ({
      ...entry,
      lastUsedOn: lastDay < 0 ? null : isoOfDay(lastDay),
      services: entry.services.sort((a, b) => b.credits - a.credits || a.service.localeCompare(b.service)),
    }))
    .sort((a, b) => b.credits - a.credits || a.user.name.localeCompare(b.user.name));
}
